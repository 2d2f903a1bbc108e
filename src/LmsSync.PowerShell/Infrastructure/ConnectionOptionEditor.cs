using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Profiles;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs one change of LMS connection options: on the current connection (its LMS connector rebuilt and checked, then
    /// the change saved when the profile is, then the new connector put in use), or on a saved profile that is not open
    /// (written to its file). A refused change leaves the connection and the file as they were.
    /// </summary>
    internal static class ConnectionOptionEditor
    {
        public static async Task<ConnectionOptionSettings> EditCurrentAsync(ActiveConnection connection, ConnectionOptionChange change, PipelineQueue queue,
            CancellationToken cancellationToken)
        {
            var store = connection.Saved ? ProfileStore.Default() : null;
            var rebuilt = await ConnectionOptionUpdate.ApplyAsync(connection.Profile, connection.Secrets, connection.Session, change, store, cancellationToken)
                .ConfigureAwait(false);
            connection.UseRebuiltLms(rebuilt);
            queue.WriteVerbose(store != null
                ? $"Saved the LMS connection options to profile '{connection.Profile.Name}'; the connection's {connection.Profile.Lms.Kind} client now uses them."
                : $"The connection's {connection.Profile.Lms.Kind} client now uses the new options (profile '{connection.Profile.Name}' is not saved; connect with -Save to keep them).");
            return connection.Info.LmsOptions;
        }

        public static ConnectionOptionSettings EditSaved(string profile, ConnectionOptionChange change, PipelineQueue queue)
        {
            var saved = ConnectionOptionUpdate.Save(ProfileStore.Default(), profile, change);
            queue.WriteVerbose($"Saved the LMS connection options to profile '{saved.Profile}'; they hold from its next Connect-SfLms -Profile or scheduled run.");
            return saved;
        }
    }
}
