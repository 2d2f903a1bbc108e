using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Past runs of a profile and their per-user results (Get-SfLmsSyncHistory). Runs come from <c>history.jsonl</c>;
    /// a run's results from <c>runs/&lt;runId&gt;.jsonl</c> (every result except plain NoChange successes, which only
    /// the run's counts hold). What a change did to whom over time is in the journal.
    /// </summary>
    public static class SyncHistory
    {
        /// <summary>Every recorded run, oldest first.</summary>
        public static IEnumerable<RunSummary> Read(ProfilePaths paths)
        {
            if (paths == null) throw new ArgumentNullException(nameof(paths));
            return new JsonLinesFile<RunSummary>(paths.HistoryFile).Read();
        }

        /// <summary>The per-user results of one run, in the order they happened; empty when the run is unknown.</summary>
        public static IEnumerable<UserResult> ReadResults(ProfilePaths paths, string runId)
        {
            if (paths == null) throw new ArgumentNullException(nameof(paths));
            if (!RunIds.IsSafe(runId)) throw new ArgumentException($"'{runId}' is not a run id (Get-SfLmsSyncHistory lists them).", nameof(runId));
            return new JsonLinesFile<UserResult>(Path.Combine(paths.RunsFolder, runId + ".jsonl")).Read();
        }

        /// <summary>Every journal line of the profile, oldest first (what the sync did to whom, and when).</summary>
        public static IEnumerable<JournalEntry> ReadJournal(ProfilePaths paths)
        {
            if (paths == null) throw new ArgumentNullException(nameof(paths));
            return new Journal(paths.JournalFolder).ReadAll();
        }
    }
}
