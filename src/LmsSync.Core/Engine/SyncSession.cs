using System;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>One live connection to both ends for one profile; disposing it closes both clients.</summary>
    public sealed class SyncSession : IDisposable
    {
        public SyncSession(string profileName, SalesforceClient salesforce, ILmsConnector lms, SyncConfiguration configuration,
            ProfilePaths paths, IClock? clock = null, IActivityLog? log = null)
        {
            ProfileName = string.IsNullOrWhiteSpace(profileName) ? throw new ArgumentException("A profile name is required.", nameof(profileName)) : profileName;
            Salesforce = salesforce ?? throw new ArgumentNullException(nameof(salesforce));
            Lms = lms ?? throw new ArgumentNullException(nameof(lms));
            Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            Paths = paths ?? throw new ArgumentNullException(nameof(paths));
            Clock = clock ?? SystemClock.Instance;
            Log = log ?? NullActivityLog.Instance;
        }

        public string ProfileName { get; }
        public SalesforceClient Salesforce { get; }
        public ILmsConnector Lms { get; }
        public SyncConfiguration Configuration { get; }
        public ProfilePaths Paths { get; }
        public IClock Clock { get; }
        public IActivityLog Log { get; }

        public void Dispose()
        {
            Lms.Dispose();
            Salesforce.Dispose();
        }
    }
}
