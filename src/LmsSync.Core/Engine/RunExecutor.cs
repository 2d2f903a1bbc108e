using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Applies a plan's changes to the LMS: org creations (one at a time, ids recorded for the resolver), then user
    /// rows (up to the connector's MaxConcurrency at once, give-ups before take-overs), then department deletions.
    /// New work stops when the run is cancelled or the breaker trips; calls already in flight finish (they are not
    /// given the run's token), so nothing is left half-known.
    /// </summary>
    internal sealed class RunExecutor
    {
        private readonly ILmsConnector _lms;
        private readonly IClock _clock;
        private readonly string _runId;
        private readonly RunRecorder _recorder;
        private readonly StateBook _state;
        private readonly FailureBreaker _breaker;
        private readonly OrgIdResolver _orgIds;
        private readonly CancellationToken _stop;
        private readonly Dictionary<string, string> _failedDepartments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _failedGroups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private int _notAttempted;

        public RunExecutor(ILmsConnector lms, IClock clock, string runId, RunRecorder recorder, StateBook state, FailureBreaker breaker,
            OrgIdResolver orgIds, CancellationToken stop)
        {
            _lms = lms;
            _clock = clock;
            _runId = runId;
            _recorder = recorder;
            _state = state;
            _breaker = breaker;
            _orgIds = orgIds;
            _stop = stop;
        }

        /// <summary>Changes not started because the run stopped (cancelled, or the breaker tripped).</summary>
        public int NotAttempted => Volatile.Read(ref _notAttempted);

        public bool Stopped => _stop.IsCancellationRequested || _breaker.Tripped;

        public async Task ApplyOrgChangesAsync(IReadOnlyList<OrgChange> changes)
        {
            foreach (var change in changes)
            {
                if (Stopped)
                {
                    Interlocked.Increment(ref _notAttempted);
                    continue;
                }
                string? id = null;
                string? error = null;
                try
                {
                    id = await _lms.ApplyAsync(change, CancellationToken.None).ConfigureAwait(false);
                    _breaker.Success();
                }
                catch (LmsConnectorException e)
                {
                    error = e.Message;
                    _breaker.Failure(e);
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    error = e.Message;
                    _breaker.Failure(Unexpected(e));
                }
                if (error == null)
                {
                    if (change.Kind == OrgChangeKind.DeleteDepartment) _state.DepartmentDeleted(change.Id!);
                    else if (id != null)
                    {
                        _orgIds.Created(change, id);
                        _state.OrgCreated(change, id);
                    }
                }
                else if (change.Kind == OrgChangeKind.CreateDepartment) _failedDepartments[change.Name] = error;
                else if (change.Kind == OrgChangeKind.CreateGroup) _failedGroups[change.Name] = error;
                _recorder.OrgChange(ResultFactory.Journal(_runId, change, _clock.UtcNow, id, error));
            }
        }

        public async Task ApplyRowsAsync(ApplyOrder order, int concurrency)
        {
            var rows = order.Rows;
            var done = new TaskCompletionSource<bool>[rows.Count];
            for (var i = 0; i < rows.Count; i++) done[i] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            await ForEachAsync(rows.Count, concurrency, async i =>
            {
                try
                {
                    if (Stopped)
                    {
                        Interlocked.Increment(ref _notAttempted);
                        return;
                    }
                    // Rows are ordered so that what a row waits for was taken earlier: it is done or in flight.
                    foreach (var dependency in order.WaitFor[i]) await done[dependency].Task.ConfigureAwait(false);
                    await ApplyRowAsync(rows[i]).ConfigureAwait(false);
                }
                finally
                {
                    done[i].TrySetResult(true);
                }
            }).ConfigureAwait(false);
        }

        /// <summary>
        /// Rows the connector can apply many at a time (iSpring's bulk deactivate/activate, SCIM /Bulk), in chunks of
        /// <paramref name="chunkSize"/>, up to <paramref name="concurrency"/> chunks at once (chunks are independent). Each
        /// row's result is recorded as a single row's would be; a chunk's failure is each of its rows' failure.
        /// </summary>
        public async Task ApplyBatchesAsync(ILmsBatchConnector batcher, IReadOnlyList<PlanRow> rows, int chunkSize, int concurrency)
        {
            var chunks = new List<List<PlanRow>>();
            for (var start = 0; start < rows.Count; start += chunkSize)
                chunks.Add(rows.Skip(start).Take(chunkSize).ToList());

            await ForEachAsync(chunks.Count, concurrency, async i =>
            {
                if (Stopped) Interlocked.Add(ref _notAttempted, chunks[i].Count);
                else await ApplyChunkAsync(batcher, chunks[i]).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        private async Task ApplyChunkAsync(ILmsBatchConnector batcher, List<PlanRow> rows)
        {
            var chunk = new List<PlanRow>(rows.Count);
            foreach (var row in rows)
            {
                var missing = MissingOrg(row);
                if (missing == null) chunk.Add(row);
                else _recorder.Result(ResultFactory.For(_runId, row, ResultStatus.Failure, _clock.UtcNow, error: missing), row);
            }
            if (chunk.Count == 0) return;
            IReadOnlyList<LmsBatchResult> results;
            try
            {
                results = await batcher.ApplyBatchAsync(chunk, _orgIds, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var error = e as LmsConnectorException ?? Unexpected(e);
                results = chunk.Select(r => new LmsBatchResult(r, null, error)).ToList();
            }
            foreach (var result in results)
            {
                // A created user's id comes back with its result: it is what the link keeps.
                if (result.Succeeded) Succeeded(result.Row, result.LmsId);
                else Failed(result.Row, result.Error!);
            }
        }

        private async Task ApplyRowAsync(PlanRow row)
        {
            var missing = MissingOrg(row);
            if (missing != null)
            {
                _recorder.Result(ResultFactory.For(_runId, row, ResultStatus.Failure, _clock.UtcNow, error: missing), row);
                return;
            }
            try
            {
                Succeeded(row, await _lms.ApplyAsync(row, _orgIds, CancellationToken.None).ConfigureAwait(false));
            }
            catch (LmsConnectorException e)
            {
                Failed(row, e);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                Failed(row, Unexpected(e));
            }
        }

        /// <summary>A row applied: the link it creates (to the LMS id the call returned, else the row's), and its result.</summary>
        private void Succeeded(PlanRow row, string? lmsId)
        {
            _breaker.Success();
            var id = string.IsNullOrEmpty(lmsId) ? row.LmsId : lmsId;
            if (row.CreatesLink && row.SalesforceId != null && id != null) _state.Link(row.SalesforceId, id, row.LinkOrigin, _clock.UtcNow);
            _recorder.Result(ResultFactory.For(_runId, row, ResultStatus.Success, _clock.UtcNow, id), row);
        }

        private void Failed(PlanRow row, LmsConnectorException error)
        {
            _breaker.Failure(error);
            _recorder.Result(ResultFactory.For(_runId, row, ResultStatus.Failure, _clock.UtcNow, error: error.Message), row);
        }

        /// <summary>
        /// Runs <paramref name="body"/> for 0..count-1 on up to <paramref name="concurrency"/> workers, each taking the next
        /// index. Where the connector finds its limit on requests in flight at run time, worker <c>w</c> takes an index only
        /// while <c>w</c> is under that limit: a row taken beyond it would only queue at the client's gate, and still be sent
        /// (and fail, each after its retries) once the breaker has stopped the run. So against an LMS that answers 503, whose
        /// limit falls to 1, a handful of rows fail, not the ceiling's worth.
        /// </summary>
        private async Task ForEachAsync(int count, int concurrency, Func<int, Task> body)
        {
            var next = -1;
            var limit = (_lms as IAdaptiveLmsConnector)?.Concurrency;

            async Task Worker(int worker)
            {
                while (true)
                {
                    while (limit != null && worker >= limit.Limit && !Stopped && Volatile.Read(ref next) < count - 1)
                        await Task.Delay(AdmissionPoll).ConfigureAwait(false);
                    var i = Interlocked.Increment(ref next);
                    if (i >= count) return;
                    await body(i).ConfigureAwait(false);
                }
            }

            var workers = new Task[Math.Max(1, Math.Min(concurrency, count))];
            for (var w = 0; w < workers.Length; w++)
            {
                var worker = w;
                workers[w] = Task.Run(() => Worker(worker));
            }
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        /// <summary>How often a worker above the current limit looks again (the limit grows by one per answer at most).</summary>
        private static readonly TimeSpan AdmissionPoll = TimeSpan.FromMilliseconds(5);

        /// <summary>A row needing a department or group whose creation failed fails with that reason, without a call.</summary>
        private string? MissingOrg(PlanRow row)
        {
            if (row.DepartmentChange is DepartmentChange move && move.ToId == null && _failedDepartments.TryGetValue(move.ToName, out var departmentError))
                return $"Department '{move.ToName}' could not be created: {departmentError}";
            foreach (var group in row.GroupsToJoin)
                if (group.Id == null && _failedGroups.TryGetValue(group.Name, out var groupError))
                    return $"Group '{group.Name}' could not be created: {groupError}";
            return null;
        }

        // Connectors translate their errors; anything else escaping one (a bug, a socket error) counts as transient.
        private static LmsConnectorException Unexpected(Exception e) => new LmsConnectorException(e.Message, 0, false, true, e);
    }
}
