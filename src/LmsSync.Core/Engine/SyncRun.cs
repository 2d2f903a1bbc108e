using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// One run of one profile, start to end: lock, state, read, plan, guard, confirm, apply, record. Every outcome
    /// after the lock is taken becomes a <see cref="RunSummary"/> appended to the history, and the state is saved
    /// (unless it could not be read: a broken state file is never overwritten).
    /// </summary>
    internal sealed class SyncRun
    {
        private const int SaveEvery = 200;
        private const int MaxConsecutiveTransientFailures = 10;
        private const int RunsKeptInState = 20;

        private readonly SyncEngine _engine;
        private readonly SyncSession _session;
        private readonly RunRequest _request;
        private readonly IRunObserver _observer;
        private readonly IClock _clock;
        private readonly Dictionary<PlanAction, int> _actions = new Dictionary<PlanAction, int>();
        private readonly FailureBreaker _breaker = new FailureBreaker(MaxConsecutiveTransientFailures);
        private readonly object _saveGate = new object();
        private string _runId = "";
        private StateBook? _state;
        private RunRecorder? _recorder;
        private RunExecutor? _executor;
        private int _salesforceUsersRead;
        private bool _salesforceReadComplete;
        private ReadScope? _scope;
        private DateTimeOffset _started;

        public SyncRun(SyncEngine engine, SyncSession session, RunRequest request, IRunObserver observer)
        {
            _engine = engine;
            _session = session;
            _request = request;
            _observer = observer;
            _clock = session.Clock;
        }

        public async Task<RunSummary> RunAsync(CancellationToken ct)
        {
            var started = _started = _clock.UtcNow;
            _runId = RunIds.New(started);
            var writesBefore = _session.Lms.Calls.Writes;
            var retriesBefore = _session.Lms.Calls.Retries;
            using (RunLock.Acquire(_session.Paths, _session.ProfileName, _runId, started))
            {
                Outcome outcome;
                try
                {
                    outcome = await ExecuteAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    outcome = new Outcome(RunStatus.Cancelled, "The run was cancelled before any change was applied.", "SfLms.RunCancelled");
                }
                catch (StateFileException e)
                {
                    outcome = new Outcome(RunStatus.Failed, e.Message, "SfLms.StateInvalid");
                }
                catch (Exception e)
                {
                    outcome = new Outcome(RunStatus.Failed, e.Message, ErrorIdFor(e));
                }
                _session.Log.Verbose($"Run {_runId} ended: {outcome.Status}{(outcome.Message == null ? "" : " — " + outcome.Message)}");
                return Finish(outcome, started, _session.Lms.Calls.Writes - writesBefore, _session.Lms.Calls.Retries - retriesBefore);
            }
        }

        private async Task<Outcome> ExecuteAsync(CancellationToken ct)
        {
            var configuration = _session.Configuration;
            var known = ReadScope.WithoutState(_request, configuration);
            // The scope needs only the top of the state file (watermark, last full run, configuration hash, group snapshot),
            // which it holds before the links: read first, the reads can start while the links are still parsed.
            var header = known == null ? _engine.LoadStateHeaderAsync().ObserveFaults() : null;
            var loading = _engine.LoadStateAsync();
            // The state book, made as soon as the file is read, while the reads go on. Awaited wherever the run needs it,
            // so a state file that does not load still fails the run with its own error.
            var booking = BookAsync(loading).ObserveFaults();
            if (!configuration.Options.Enabled)
            {
                _state = await booking.ConfigureAwait(false);
                return new Outcome(RunStatus.Disabled,
                    $"Profile '{_session.ProfileName}' is disabled (Enabled = false), so the run did nothing. Enable it in the profile's options to sync again.",
                    "SfLms.ProfileDisabled");
            }

            // The configuration's fingerprint decides the scope and is recorded after a clean run. Cold, it costs some 0.1 s
            // (a JSON serialization of the configuration and a first SHA-256), so it is made while the header is read.
            var hashing = Task.Run(() => ReadScope.HashOf(configuration)).ObserveFaults();

            var progress = new LockedProgress(_observer.OnProgress);
            PlanContext context;
            using (var early = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                // The state is parsed while the LMS is checked and Salesforce described. A full read of the LMS needs only
                // the scope and the LMS check, so it starts then, while Salesforce may still be described: at once when the
                // request decides the scope (-Full, piped users), else once the state has. Salesforce is read only once the
                // profile is found valid.
                var validation = ProfileValidation.Start(_session, early.Token);
                var lmsRead = known == null ? null : PlanContext.StartWholeLmsRead(_session, validation.LmsChecked, known, progress, early.Token);
                try
                {
                    var top = header == null ? null : await header.ConfigureAwait(false);
                    _scope = known ?? ReadScope.Decide(_request, top ?? await loading.ConfigureAwait(false), configuration, SourceReader.ReadsGroups(configuration), _started,
                        await hashing.ConfigureAwait(false));
                    _session.Log.Verbose($"Run {_runId}: {_scope.Mode} read ({_scope.Reason}).");
                    lmsRead ??= PlanContext.StartWholeLmsRead(_session, validation.LmsChecked, _scope, progress, early.Token);
                    var verdict = await validation.ResultAsync().ConfigureAwait(false);
                    if (!verdict.IsValid)
                    {
                        _state = await StateBookAsync(booking).ConfigureAwait(false);
                        await AbandonAsync(early, validation, lmsRead).ConfigureAwait(false);
                        return new Outcome(RunStatus.Failed, verdict.Describe(), "SfLms.ProfileInvalid");
                    }
                    // The planner's links come from the file as read: nothing has changed it yet, the state book never
                    // changes its link list (it keeps its own), and the file holds each LMS id once (StateFile refuses it
                    // otherwise), so a sorted copy of 80,000 links would only be the same links.
                    context = await PlanContext.BuildAsync(_session, SyncStateAsync(loading), progress, early.Token, _scope, lmsRead).ConfigureAwait(false);
                    _state = await StateBookAsync(booking).ConfigureAwait(false);
                }
                catch
                {
                    await AbandonAsync(early, validation, lmsRead).ConfigureAwait(false);
                    // A corrupt state file is the failure reported, whatever else failed, as when it was loaded first.
                    _state = await StateBookAsync(booking).ConfigureAwait(false);
                    throw;
                }
            }
            var plan = context.Plan;
            _salesforceUsersRead = context.Source.Users.Count;
            _salesforceReadComplete = context.Source.Complete;
            var incremental = _scope.Mode == ReadMode.Incremental;
            // An incremental run applies only the rows of the users it read (the same mechanism as piped users): nobody
            // else is touched, and nobody is deactivated as missing.
            var only = _request.OnlySalesforceIds ?? (incremental ? context.Source.Users.Select(u => u.SalesforceId).ToList() : null);
            var partial = only != null;
            // A partial run never deactivates anyone as missing, even if such a row's id was passed in.
            var rows = context.RowsFor(only)
                .Where(r => !(partial && r.Action == PlanAction.Deactivate && r.DeactivationReason == DeactivationReason.NotInSalesforce)).ToList();
            foreach (var row in rows) _actions[row.Action] = (_actions.TryGetValue(row.Action, out var n) ? n : 0) + 1;

            var guard = DeprovisionGuard.Check(plan, rows, partial, _request.Force);
            if (guard != null) return new Outcome(RunStatus.BlockedByDeprovisionGuard, guard, "SfLms.DeprovisionGuard");
            ct.ThrowIfCancellationRequested();

            // Its indexes of every link (80,000 in a 100,000-user org) only when the run will link or unlink someone: built
            // meanwhile, so the first change does not wait for them; a no-op run never builds them.
            if (plan.StaleLinks.Count > 0 || rows.Any(r => r.CreatesLink)) _ = Task.Run(_state.Index).ObserveFaults();

            _recorder = new RunRecorder(_runId, _session.Paths, _observer, SaveState, SaveEvery, rows.Count);
            _executor = new RunExecutor(_session.Lms, _clock, _runId, _recorder, _state, _breaker, new OrgIdResolver(context.Lms), ct);

            var writes = RecordRowsWithoutWrites(rows);
            var confirmed = await ConfirmAsync(writes, ct).ConfigureAwait(false);

            await _executor.ApplyOrgChangesAsync(OrgChangesNeededBy(plan, confirmed)).ConfigureAwait(false);
            var identity = new[] { _session.Lms.Catalog.EmailField, _session.Lms.Catalog.LoginField }.Where(f => f != null).Select(f => f!).ToList();
            var concurrency = Math.Max(1, _session.Lms.MaxConcurrency);
            if (_session.Lms is ILmsBatchConnector batcher)
            {
                // Batches skip ApplyOrder, so a row that gives up an email or login another row takes (or takes one another
                // gives up) stays with the ordered rows; every other row depends on none and may go in a batch, first.
                var entangled = ApplyOrder.Entangled(confirmed, identity);
                var inBatch = confirmed.Select((row, i) => !entangled[i] && batcher.CanBatch(row)).ToList();
                var batchable = confirmed.Where((row, i) => inBatch[i]).ToList();
                if (batchable.Count > 0)
                {
                    confirmed = confirmed.Where((row, i) => !inBatch[i]).ToList();
                    await _executor.ApplyBatchesAsync(batcher, batchable, Math.Max(1, batcher.BatchSize), concurrency).ConfigureAwait(false);
                }
            }
            await _executor.ApplyRowsAsync(ApplyOrder.For(confirmed, identity), concurrency).ConfigureAwait(false);

            var deletions = plan.OrgChanges.Where(c => c.Kind == OrgChangeKind.DeleteDepartment).ToList();
            // Departments are deleted only after every move landed: a declined, failed or skipped move could leave one not empty.
            if (deletions.Count > 0 && !partial && !_executor.Stopped && _recorder.Count(ResultStatus.Failure) == 0 && _recorder.Count(ResultStatus.NotConfirmed) == 0)
                await _executor.ApplyOrgChangesAsync(deletions).ConfigureAwait(false);

            _state.DropStale(plan.StaleLinks);
            _state.ManageGroups(plan.ManagedGroupNames);
            RecordProgress(context.Source, await hashing.ConfigureAwait(false), ct);
            return Conclude(ct, context.Source);
        }

        /// <summary>Cancels the work started before the run knew it could go on, and waits for it to end (its failures observed, not thrown).</summary>
        private static async Task AbandonAsync(CancellationTokenSource early, ProfileValidation validation, Task<LmsSnapshot>? lmsRead)
        {
            early.Cancel();
            await validation.SettledAsync().ConfigureAwait(false);
            await lmsRead.SettledAsync().ConfigureAwait(false);
        }

        /// <summary>
        /// Moves the watermark, the group snapshot and the last full run on only after a clean run: the read complete
        /// and every row applied. Otherwise the next run reads the same changes again (planning is idempotent), so a
        /// failed or declined user is not left behind the watermark. Piped runs never move them.
        /// </summary>
        private void RecordProgress(SourceRead source, string configurationHash, CancellationToken ct)
        {
            if (_request.OnlySalesforceIds != null || !source.Complete || ct.IsCancellationRequested || _executor!.Stopped) return;
            if (_recorder!.Count(ResultStatus.Failure) > 0 || _recorder.Count(ResultStatus.NotConfirmed) > 0 || _executor.NotAttempted > 0) return;
            _state!.Watermark(source.MaxSystemModstamp);
            _state.GroupMemberships(source.GroupSnapshot);
            _state.ConfigurationApplied(configurationHash);
            if (source.Mode == ReadMode.Full) _state.FullRunCompleted(_started);
        }

        /// <summary>NoChange, Skip and Disputed rows: their result now; a first-time match with nothing to write still records its link.</summary>
        private List<PlanRow> RecordRowsWithoutWrites(List<PlanRow> rows)
        {
            var writes = new List<PlanRow>();
            foreach (var row in rows)
            {
                if (RowApplier.NeedsLmsCall(row))
                {
                    writes.Add(row);
                    continue;
                }
                var status = row.Action == PlanAction.NoChange ? ResultStatus.Success : ResultStatus.Skipped;
                if (status == ResultStatus.Success && row.CreatesLink && row.SalesforceId != null && row.LmsId != null)
                    _state!.Link(row.SalesforceId, row.LmsId, row.LinkOrigin, _clock.UtcNow);
                _recorder!.Result(ResultFactory.For(_runId, row, status, _clock.UtcNow), null);
            }
            return writes;
        }

        /// <summary>ShouldProcess for each writing row, one at a time, before the first write.</summary>
        private async Task<List<PlanRow>> ConfirmAsync(List<PlanRow> writes, CancellationToken ct)
        {
            var confirmed = new List<PlanRow>(writes.Count);
            foreach (var row in writes)
            {
                ct.ThrowIfCancellationRequested();
                if (await _observer.ConfirmAsync(row, row.Action.ToString()).ConfigureAwait(false)) confirmed.Add(row);
                else _recorder!.Result(ResultFactory.For(_runId, row, ResultStatus.NotConfirmed, _clock.UtcNow), null);
            }
            return confirmed;
        }

        /// <summary>Only the departments and groups the confirmed rows need are created.</summary>
        private static List<OrgChange> OrgChangesNeededBy(Plan plan, List<PlanRow> rows)
        {
            var departments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                if (row.DepartmentChange is DepartmentChange move && move.ToId == null) departments.Add(move.ToName);
                foreach (var group in row.GroupsToJoin)
                    if (group.Id == null) groups.Add(group.Name);
            }
            return plan.OrgChanges.Where(c =>
                (c.Kind == OrgChangeKind.CreateDepartment && departments.Contains(c.Name)) ||
                (c.Kind == OrgChangeKind.CreateGroup && groups.Contains(c.Name))).ToList();
        }

        private Outcome Conclude(CancellationToken ct, SourceRead source)
        {
            var failures = _recorder!.Count(ResultStatus.Failure);
            var applied = _recorder.Count(ResultStatus.Success);
            var notAttempted = _executor!.NotAttempted;
            var readNote = source.Complete ? "" : " " + source.IncompleteReason + " Nobody was deactivated as missing; the next complete read will.";
            if (!source.Complete && source.Mode == ReadMode.Incremental)
                readNote = " " + source.IncompleteReason + " The watermark was not moved, so the next run reads these changes again.";
            if (_breaker.Reason is string reason)
                return new Outcome(RunStatus.Failed, $"{reason} {notAttempted} changes were not attempted.{readNote}",
                    reason.Contains("credentials") ? "SfLms.LmsAuthenticationFailed" : "SfLms.LmsUnavailable");
            if (ct.IsCancellationRequested)
                return new Outcome(RunStatus.Cancelled,
                    $"Cancelled: {applied} users done, {failures} failed, {notAttempted} changes not attempted. The state was saved; run again to finish.{readNote}",
                    "SfLms.RunCancelled");
            if (failures > 0)
                return new Outcome(RunStatus.PartiallyFailed,
                    $"{failures} user changes failed; each failed row (Status Failure) carries the LMS's error. The others were applied.{readNote}",
                    "SfLms.PartialFailure");
            if (!source.Complete) return new Outcome(RunStatus.PartiallyFailed, readNote.Trim(), "SfLms.SalesforceReadIncomplete");
            return new Outcome(RunStatus.Succeeded, null, null);
        }

        private RunSummary Finish(Outcome outcome, DateTimeOffset started, long writeCalls, long retries)
        {
            var summary = new RunSummary
            {
                RunId = _runId,
                Profile = _session.ProfileName,
                Started = started,
                Ended = _clock.UtcNow,
                Status = outcome.Status,
                Message = outcome.Message,
                ErrorId = outcome.ErrorId,
                Actions = new Dictionary<PlanAction, int>(_actions),
                Statuses = _recorder?.Statuses ?? new Dictionary<ResultStatus, int>(),
                WriteCalls = writeCalls,
                Retries = retries,
                Mode = _scope?.Mode ?? ReadMode.Full,
                ModeReason = _scope?.Reason,
                SalesforceUsersRead = _salesforceUsersRead,
                SalesforceReadComplete = _salesforceReadComplete,
            };
            var failure = SaveResultsAndState(summary);
            if (failure != null)
            {
                summary.Status = RunStatus.Failed;
                summary.ErrorId = "SfLms.StateNotSaved";
                summary.Message = failure + " " + summary.Message;
            }
            new JsonLinesFile<RunSummary>(_session.Paths.HistoryFile).Append(summary);
            return summary;
        }

        /// <summary>
        /// Writes the results file's last lines and the state at the same time: two independent files, both costly to
        /// serialize at scale (a 100,000-user no-op run ends with 14,397 result lines and a 12.5 MB state), so the run
        /// ends after the longer of the two instead of both. Returns what could not be written (the state first), or null.
        /// </summary>
        private string? SaveResultsAndState(RunSummary summary)
        {
            var recorder = _recorder;
            var results = recorder == null ? Task.CompletedTask : Task.Run(recorder.Flush);
            string? failure = null;
            try
            {
                if (_state != null)
                {
                    _state.RecordRun(summary, RunsKeptInState);
                    SaveState();
                }
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                failure = $"The run's state could not be saved ({e.Message}); the next run re-links users by Salesforce Id, email or login.";
            }
            finally
            {
                try
                {
                    results.GetAwaiter().GetResult();
                }
                catch (Exception e) when (IsWriteFailure(e))
                {
                    failure = failure ?? $"The run's results file could not be written ({e.Message}); the state was saved.";
                }
            }
            return failure;
        }

        private static bool IsWriteFailure(Exception e) => e is System.IO.IOException || e is UnauthorizedAccessException;

        private void SaveState()
        {
            lock (_saveGate) StateFile.Save(_session.Paths.State, _state!.Snapshot());
        }

        private static async Task<SyncState> SyncStateAsync(Task<StoredState> loading) => (await loading.ConfigureAwait(false)).ToSyncState();

        /// <summary>
        /// Queued to the thread pool once the file is read, not run inline on the thread that read it: the lookup keys,
        /// which wait for the same file, must not wait behind it.
        /// </summary>
        private static Task<StateBook> BookAsync(Task<StoredState> loading) =>
            loading.ContinueWith(read => new StateBook(read.GetAwaiter().GetResult()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        /// <summary>The run's state book, from the loaded file the first time (a file that does not load throws its <see cref="StateFileException"/>).</summary>
        private async Task<StateBook> StateBookAsync(Task<StateBook> booking) => _state ?? await booking.ConfigureAwait(false);

        private static string ErrorIdFor(Exception e)
        {
            switch (e)
            {
                case SalesforceAuthenticationException _: return "SfLms.SalesforceAuthenticationFailed";
                case SalesforceFieldException _: return "SfLms.MappingInvalid";
                case SalesforceException _: return "SfLms.SalesforceFailed";
                case LmsConnectorException lms when lms.IsAuthentication: return "SfLms.LmsAuthenticationFailed";
                case LmsConnectorException _: return "SfLms.LmsFailed";
                case ArgumentException _: return "SfLms.ProfileInvalid";
                default: return "SfLms.RunFailed";
            }
        }

        private sealed class Outcome
        {
            public Outcome(RunStatus status, string? message, string? errorId)
            {
                Status = status;
                Message = message;
                ErrorId = errorId;
            }

            public RunStatus Status { get; }
            public string? Message { get; }
            public string? ErrorId { get; }
        }
    }
}
