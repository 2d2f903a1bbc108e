using System;
using System.IO;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// One line of a profile's run history (<c>history.jsonl</c> in the profile folder), appended by the
    /// run engine when a run ends. This is the minimal shape the schedule reads back; the run engine may
    /// add fields (readers ignore what they do not know).
    /// </summary>
    public sealed class RunHistoryRecord
    {
        public string RunId { get; set; } = "";
        public DateTimeOffset Started { get; set; }
        public DateTimeOffset? Ended { get; set; }
        public RunStatus Status { get; set; }
    }

    /// <summary>Reads the last run of a profile (for Get-SfLmsSchedule's LastRun and LastStatus).</summary>
    public interface IRunHistoryReader
    {
        RunHistoryRecord? LastRun(string profile);
    }

    /// <summary>The run history kept as JSON lines in each profile's folder.</summary>
    public sealed class RunHistoryFile : IRunHistoryReader
    {
        public const string FileName = "history.jsonl";

        private readonly LmsSyncPaths _paths;

        public RunHistoryFile(LmsSyncPaths paths) { _paths = paths; }

        public static string PathFor(ProfilePaths profile) => Path.Combine(profile.Folder, FileName);

        /// <summary>The most recently appended run; a torn last line is skipped, so the run before it shows.</summary>
        public RunHistoryRecord? LastRun(string profile) => LastRun(_paths.Profile(profile));

        /// <summary>The same, for the profile whose files are <paramref name="profile"/> (Get-SfLmsProfile's LastRun and LastStatus).</summary>
        public static RunHistoryRecord? LastRun(ProfilePaths profile)
        {
            RunHistoryRecord? last = null;
            foreach (var record in new JsonLinesFile<RunHistoryRecord>(PathFor(profile)).Read()) last = record;
            return last;
        }
    }
}
