using System;
using System.Threading;
using LmsSync.Core.Engine;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Models;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// One open connection: the profile it came from (settings and secrets, kept to save edits), the live
    /// session to both ends, and what Get-SfLmsConnection shows. Disposing it closes both clients.
    /// </summary>
    internal sealed class ActiveConnection : IDisposable
    {
        private SyncSession _session;

        public ActiveConnection(SfLmsProfile profile, ProfileSecrets secrets, SyncSession session, RoutedActivityLog log, SfLmsConnection info)
        {
            Profile = profile;
            Secrets = secrets;
            _session = session;
            Log = log;
            Info = info;
        }

        public SfLmsProfile Profile { get; }
        public ProfileSecrets Secrets { get; }
        public SyncSession Session => Volatile.Read(ref _session);
        public RoutedActivityLog Log { get; }
        public SfLmsConnection Info { get; }

        /// <summary>The profile is saved: configuration edits are written back to it.</summary>
        public bool Saved => Info.Saved;

        /// <summary>
        /// Puts in place the session whose LMS connector was rebuilt with the profile's new connection options (the same
        /// Salesforce client), so that the next command uses it, and closes the connector it replaces.
        /// </summary>
        public void UseRebuiltLms(SyncSession rebuilt)
        {
            var previous = Interlocked.Exchange(ref _session, rebuilt);
            Info.LmsOptions = ConnectionOptionSettings.From(Profile.Name, Profile.Lms);
            if (!ReferenceEquals(previous.Lms, rebuilt.Lms)) previous.Lms.Dispose();
        }

        public void Dispose() => Session.Dispose();
    }
}
