using System;
using System.Threading;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Passes progress to an observer one report at a time (the two reads report from different threads), without making
    /// a reporter wait: a report that finds another being passed on is left in its stage's slot, replacing an older one of
    /// that stage, and the thread passing reports on passes it before it lets go. So the observer is never called
    /// concurrently, every stage's latest report reaches it, and a reading thread never blocks. (A lock here cost a SCIM
    /// dry run 161 ms of CPU spinning on it under load: its holder, calling the observer, was preempted.)
    /// </summary>
    internal sealed class LockedProgress : IProgress<SyncProgress>
    {
        private static readonly string[] Stages = { SyncProgress.ReadingSalesforce, SyncProgress.ReadingLms, SyncProgress.Planning, SyncProgress.Applying };

        private readonly Action<SyncProgress> _report;

        /// <summary>Per stage of <see cref="Stages"/>, then one for any other stage: the latest report not yet passed on.</summary>
        private readonly SyncProgress?[] _latest = new SyncProgress?[Stages.Length + 1];

        /// <summary>1 while a thread passes reports on.</summary>
        private int _passing;

        public LockedProgress(Action<SyncProgress> report) => _report = report;

        public void Report(SyncProgress value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            Volatile.Write(ref _latest[SlotOf(value.Stage)], value);
            // Whoever holds _passing passes this report on, unless this thread gets it first. After letting go, the slots
            // are looked at again: a report left while this thread was finishing is passed on by it (its reporter saw
            // _passing taken and went on).
            while (Waiting() && Interlocked.CompareExchange(ref _passing, 1, 0) == 0)
            {
                try
                {
                    for (var i = 0; i < _latest.Length; i++)
                        if (Interlocked.Exchange(ref _latest[i], null) is SyncProgress report) _report(report);
                }
                finally
                {
                    Interlocked.Exchange(ref _passing, 0);
                }
            }
        }

        private bool Waiting()
        {
            for (var i = 0; i < _latest.Length; i++)
                if (Volatile.Read(ref _latest[i]) != null) return true;
            return false;
        }

        private static int SlotOf(string stage)
        {
            for (var i = 0; i < Stages.Length; i++)
                if (ReferenceEquals(stage, Stages[i]) || string.Equals(stage, Stages[i], StringComparison.Ordinal)) return i;
            return Stages.Length;
        }
    }
}
