using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// What a profile's <c>state.json</c> holds: links, the groups and departments the integration manages, the
    /// incremental-read watermark and the last runs. Never a secret.
    /// </summary>
    public sealed class StoredState
    {
        public const int CurrentVersion = 1;

        // The properties are written in this order, and the links last: everything a run needs to choose its read
        // (version, watermark, last full run, configuration hash, group snapshot) comes first, so StateFile.LoadHeader
        // can read it without the links, and the Salesforce read start while they are parsed.
        public int Version { get; set; } = CurrentVersion;

        /// <summary>The highest Salesforce SystemModstamp seen in a complete read; where an incremental read would start.</summary>
        public DateTimeOffset? SystemModstampWatermark { get; set; }

        /// <summary>When the last full reconcile (every user read, every row applied) started; null before the first.</summary>
        public DateTimeOffset? LastFullRun { get; set; }

        /// <summary>A fingerprint of the configuration of the last clean run; a different one makes the next run full.</summary>
        public string? ConfigurationHash { get; set; }

        /// <summary>
        /// Each Salesforce user's direct public groups as of the last clean run (user id → a short hash of the sorted
        /// group names): a membership change does not move the user's SystemModstamp, so incremental runs compare this.
        /// </summary>
        public Dictionary<string, string>? GroupMemberships { get; set; }

        public List<string> ManagedGroupIds { get; set; } = new List<string>();
        public List<string> ManagedGroupNames { get; set; } = new List<string>();
        public List<string> CreatedDepartmentIds { get; set; } = new List<string>();

        /// <summary>The most recent runs, newest last (also in history.jsonl; kept here so the state alone tells when it was last synced).</summary>
        public List<StoredRun> LastRuns { get; set; } = new List<StoredRun>();

        public List<Link> Links { get; set; } = new List<Link>();

        /// <summary>
        /// Where the file this state was loaded from holds these links, when they were read as lines; set on a copy only
        /// while its links are still exactly those (<see cref="Engine.StateBook"/>). Not part of the file (not public).
        /// </summary>
        internal LoadedLinks? LoadedLinks { get; set; }

        public SyncState ToSyncState() => new SyncState(Links, ManagedGroupIds, ManagedGroupNames, CreatedDepartmentIds);
    }

    /// <summary>One run as remembered in the state file.</summary>
    public sealed class StoredRun
    {
        public string RunId { get; set; } = "";
        public DateTimeOffset Started { get; set; }
        public DateTimeOffset Ended { get; set; }
        public string Status { get; set; } = "";

        /// <summary>Full or Incremental.</summary>
        public string Mode { get; set; } = "";
        public Dictionary<string, int> Actions { get; set; } = new Dictionary<string, int>();
        public Dictionary<string, int> Statuses { get; set; } = new Dictionary<string, int>();
    }
}
