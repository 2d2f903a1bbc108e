using System;
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
        public ActiveConnection(SfLmsProfile profile, ProfileSecrets secrets, SyncSession session, RoutedActivityLog log, SfLmsConnection info)
        {
            Profile = profile;
            Secrets = secrets;
            Session = session;
            Log = log;
            Info = info;
        }

        public SfLmsProfile Profile { get; }
        public ProfileSecrets Secrets { get; }
        public SyncSession Session { get; }
        public RoutedActivityLog Log { get; }
        public SfLmsConnection Info { get; }

        /// <summary>The profile is saved: configuration edits are written back to it.</summary>
        public bool Saved => Info.Saved;

        public void Dispose() => Session.Dispose();
    }
}
