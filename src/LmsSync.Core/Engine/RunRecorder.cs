using System;
using System.Collections.Generic;
using System.IO;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Where a run's results go, one at a time: to the observer (never concurrently), the run's results file, the
    /// journal (changes applied or attempted), the counts, and — every <c>saveEvery</c> links added or more — a state save
    /// so a crash loses little. File lines are buffered and flushed with each save (one disk flush per batch, not per
    /// user); a crash loses at most the lines since the last save.
    /// </summary>
    internal sealed class RunRecorder
    {
        private readonly object _gate = new object();
        private readonly string _runId;
        private readonly IRunObserver _observer;
        private readonly Journal _journal;
        private readonly JsonLinesFile<UserResult> _results;
        private readonly Action _saveState;
        private readonly int _saveEvery;
        private readonly int? _total;
        private readonly List<UserResult> _pendingResults = new List<UserResult>();
        private readonly List<JournalEntry> _pendingJournal = new List<JournalEntry>();
        private readonly Dictionary<ResultStatus, int> _statuses = new Dictionary<ResultStatus, int>();
        private int _sinceSave;
        private int _linksAdded;
        private int _done;

        public RunRecorder(string runId, ProfilePaths paths, IRunObserver observer, Action saveState, int saveEvery, int? total)
        {
            _runId = runId;
            _observer = observer;
            _journal = new Journal(paths.JournalFolder);
            _results = new JsonLinesFile<UserResult>(Path.Combine(paths.RunsFolder, runId + ".jsonl"), new UserResultJsonConverter());
            _saveState = saveState;
            _saveEvery = saveEvery;
            _total = total;
        }

        public IReadOnlyDictionary<ResultStatus, int> Statuses
        {
            get { lock (_gate) return new Dictionary<ResultStatus, int>(_statuses); }
        }

        public int Count(ResultStatus status)
        {
            lock (_gate) return _statuses.TryGetValue(status, out var n) ? n : 0;
        }

        /// <summary>Records one user's result; <paramref name="journalRow"/> is the row when a change was applied or attempted.</summary>
        public void Result(UserResult result, PlanRow? journalRow)
        {
            lock (_gate)
            {
                _statuses[result.Status] = (_statuses.TryGetValue(result.Status, out var n) ? n : 0) + 1;
                // NoChange rows are counted, not stored: a no-op run of 10,000 users would otherwise write 10,000 lines.
                if (!(result.Action == PlanAction.NoChange && result.Status == ResultStatus.Success)) _pendingResults.Add(result);
                if (journalRow != null) _pendingJournal.Add(ResultFactory.Journal(result, journalRow));
                _observer.OnResult(result);
                _done++;
                if (_done % 25 == 0 || _done == _total) _observer.OnProgress(new SyncProgress(SyncProgress.Applying, _done, _total));
                // The periodic save protects the links this run adds (a crash would otherwise leave users it created
                // unlinked until the next run matches them again), so only rows that add a link count towards it: an update
                // of a linked user or a no-op row changes nothing in the state. The interval grows with the links added
                // (every saveEvery, or a tenth of those so far if more), so a 100,000-user first run does not write a
                // growing 15 MB file 500 times; a save holds up the workers (they record under this lock).
                if (journalRow != null && journalRow.CreatesLink && result.Status == ResultStatus.Success)
                {
                    _linksAdded++;
                    if (++_sinceSave >= Math.Max(_saveEvery, _linksAdded / 10))
                    {
                        _sinceSave = 0;
                        FlushLocked();
                        _saveState();
                    }
                }
            }
        }

        public void OrgChange(JournalEntry entry)
        {
            lock (_gate) _pendingJournal.Add(entry);
        }

        public void Flush()
        {
            lock (_gate) FlushLocked();
        }

        private void FlushLocked()
        {
            if (_pendingResults.Count > 0) _results.Append(_pendingResults);
            _pendingResults.Clear();
            // Journal lines go to the file of their month (a run over midnight at month end spans two).
            string? currentFile = null;
            var batch = new List<JournalEntry>();
            foreach (var entry in _pendingJournal)
            {
                var file = _journal.FileFor(entry.Time);
                if (currentFile != null && file != currentFile)
                {
                    new JsonLinesFile<JournalEntry>(currentFile).Append(batch);
                    batch.Clear();
                }
                currentFile = file;
                batch.Add(entry);
            }
            if (currentFile != null) new JsonLinesFile<JournalEntry>(currentFile).Append(batch);
            _pendingJournal.Clear();
        }
    }
}
