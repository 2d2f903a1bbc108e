using System;

namespace LmsSync.Core.Engine
{
    /// <summary>Passes progress to an observer one report at a time (the two reads report from different threads).</summary>
    internal sealed class LockedProgress : IProgress<SyncProgress>
    {
        private readonly object _gate = new object();
        private readonly Action<SyncProgress> _report;

        public LockedProgress(Action<SyncProgress> report) => _report = report;

        public void Report(SyncProgress value)
        {
            lock (_gate) _report(value);
        }
    }
}
