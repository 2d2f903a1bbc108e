using System;
using System.Collections.Generic;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Engine
{
    /// <summary>Past runs of a profile and their per-user results (Get-SfLmsSyncHistory).</summary>
    public static class SyncHistory
    {
        /// <summary>Every recorded run, oldest first.</summary>
        public static IEnumerable<RunSummary> Read(ProfilePaths paths) => throw new NotImplementedException();

        /// <summary>The per-user results of one run (from <c>runs/&lt;runId&gt;.jsonl</c>), in the order they happened.</summary>
        public static IEnumerable<UserResult> ReadResults(ProfilePaths paths, string runId) => throw new NotImplementedException();
    }
}
