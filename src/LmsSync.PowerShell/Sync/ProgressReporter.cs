using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>
    /// Turns the engine's progress into Write-Progress records with one stable ActivityId ("Applying 120/1,400"),
    /// at most a few a second so that reading 100,000 users does not flood the host, and a Completed record at the end.
    /// </summary>
    internal sealed class ProgressReporter : IProgress<SyncProgress>
    {
        private static readonly long MinTicksBetween = Stopwatch.Frequency / 4;

        private readonly PipelineQueue _queue;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly object _gate = new object();
        private string? _lastStage;
        private long _lastTicks;

        public ProgressReporter(PipelineQueue queue, int activityId, string activity)
        {
            _queue = queue;
            _activityId = activityId;
            _activity = activity;
        }

        public void Report(SyncProgress progress)
        {
            // Salesforce and the LMS may be read at the same time, so reports can come from two threads.
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var finished = progress.Total is int total && progress.Done >= total;
                if (progress.Stage == _lastStage && !finished && now - _lastTicks < MinTicksBetween) return;
                _lastStage = progress.Stage;
                _lastTicks = now;
                _queue.WriteProgress(Record(progress));
            }
        }

        internal ProgressRecord Record(SyncProgress progress)
        {
            var done = progress.Done.ToString("N0", CultureInfo.CurrentCulture);
            var status = progress.Total is int total
                ? $"{progress.Stage} {done}/{total.ToString("N0", CultureInfo.CurrentCulture)}"
                : $"{progress.Stage} {done}";
            var record = new ProgressRecord(_activityId, _activity, status);
            if (progress.Total is int all && all > 0) record.PercentComplete = Math.Min(100, (int)(progress.Done * 100L / all));
            return record;
        }

        /// <summary>Removes the bar; call on the pipeline thread once the work has ended.</summary>
        public static void Complete(Cmdlet cmdlet, int activityId, string activity) =>
            cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
