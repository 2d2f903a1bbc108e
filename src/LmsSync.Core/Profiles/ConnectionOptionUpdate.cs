using System;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// Changes a profile's LMS connection options (Set-SfLmsConnectionOption) without its secrets being given again:
    /// the change is checked on a copy (<see cref="ConnectionOptionChange.ApplyTo"/>) and only then written, so a refused
    /// change leaves the profile, its file and an open session as they were.
    /// </summary>
    public static class ConnectionOptionUpdate
    {
        /// <summary>A saved profile that is not open: the change is checked and written to profile.json; it holds from the profile's next opening.</summary>
        public static ConnectionOptionSettings Save(ProfileStore store, string name, ConnectionOptionChange change)
        {
            if (store == null) throw new ArgumentNullException(nameof(store));
            if (change == null) throw new ArgumentNullException(nameof(change));
            var profile = store.Load(name);
            profile.Lms = change.ApplyTo(profile.Lms);
            store.Save(profile, secrets: null);
            return ConnectionOptionSettings.From(profile.Name, profile.Lms);
        }

        /// <summary>
        /// An open session's profile: the change is checked, the LMS connector rebuilt with it and checked (one call to the
        /// LMS), then the profile is saved to <paramref name="store"/> (null: the profile is not saved) and its LMS section
        /// replaced. Returns the session with the new connector, which a run started from now on uses; the caller puts it in
        /// place of <paramref name="session"/> and closes the old session's connector (not its Salesforce client, which both share).
        /// </summary>
        public static async Task<SyncSession> ApplyAsync(SfLmsProfile profile, ProfileSecrets secrets, SyncSession session, ConnectionOptionChange change,
            ProfileStore? store, CancellationToken cancellationToken)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            if (change == null) throw new ArgumentNullException(nameof(change));
            var edited = change.ApplyTo(profile.Lms);
            var rebuilt = await SessionFactory.RebuildLmsAsync(session, edited, secrets, cancellationToken).ConfigureAwait(false);
            var previous = profile.Lms;
            profile.Lms = edited;
            try
            {
                store?.Save(profile, secrets: null);
            }
            catch
            {
                profile.Lms = previous;
                rebuilt.Lms.Dispose();
                throw;
            }
            return rebuilt;
        }
    }
}
