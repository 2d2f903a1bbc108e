using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Engine
{
    /// <summary>Validates, previews and runs one profile's sync over a <see cref="SyncSession"/>.</summary>
    public sealed class SyncEngine
    {
        private readonly SyncSession _session;

        public SyncEngine(SyncSession session)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
        }

        public SyncSession Session => _session;

        /// <summary>
        /// Describe-based: every Salesforce field the mapping, rules and options name is real; mandatory LMS fields are
        /// mapped; LMS fields are known (the connector is checked before the verdict, so its custom fields are in the catalogue).
        /// The LMS check and the Salesforce describe run at the same time.
        /// </summary>
        public async Task<ValidationResult> ValidateAsync(CancellationToken ct)
        {
            using (var abandon = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var validation = ProfileValidation.Start(_session, abandon.Token);
                try
                {
                    return await validation.ResultAsync().ConfigureAwait(false);
                }
                catch
                {
                    abandon.Cancel();
                    await validation.SettledAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }

        /// <summary>Reads both ends and plans; writes nothing (Get-SfLmsUser, Get-SfLmsPayload, Invoke-SfLmsSync -WhatIf).</summary>
        public async Task<SyncPreview> PreviewAsync(PreviewRequest request, IProgress<SyncProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var reported = progress == null ? null : new LockedProgress(progress.Report);
            PlanContext context;
            var loading = LoadStateAsync();
            using (var early = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                // A preview reads the whole LMS, whatever the state holds: the state is parsed while the LMS is checked and
                // read. Salesforce's pages are read once the state is in: parsed alongside both reads, their garbage and
                // theirs raised the peak working set by some 20 MB at 100,000 users. Its query is opened meanwhile (the
                // COUNT, the Bulk job and its polls: a few small calls), so the pages are ready sooner.
                var check = ProfileValidation.CheckLmsAsync(_session, early.Token);
                var lms = PlanContext.StartWholeLmsRead(_session, check, null, reported, early.Token);
                var opened = SourceReader.OpenFullAsync(_session.Salesforce, _session.Configuration, _session.Log, early.Token);
                try
                {
                    // The state first: a corrupt state file is the failure reported, as when it was loaded before the check.
                    var state = await loading.ConfigureAwait(false);
                    await check.ConfigureAwait(false);
                    context = await PlanContext.BuildAsync(_session, state.ToSyncState(), reported, early.Token, lmsRead: lms, sourceOpened: opened).ConfigureAwait(false);
                }
                catch
                {
                    early.Cancel();
                    await check.SettledAsync().ConfigureAwait(false);
                    await lms.SettledAsync().ConfigureAwait(false);
                    await SourceReader.AbandonAsync(opened).ConfigureAwait(false);
                    throw;
                }
            }
            var lmsUsers = context.Lms.Users.ToDictionary(u => u.LmsId, StringComparer.Ordinal);
            return new SyncPreview(context.Plan, context.RowsFor(request.OnlySalesforceIds), context.Source, lmsUsers, _session.Lms,
                new PreviewOrgIds(new OrgIdResolver(context.Lms), context.Plan.OrgChanges), context.Source.Complete);
        }

        /// <summary>
        /// The profile's state file, parsed off the calling thread (a large one takes a third of a second of CPU) while the
        /// network is busy. On a thread of its own: on the thread pool it held one of the few threads a fresh process starts
        /// with (one per core), and the sign-ins' and describe's continuations waited for the pool to add one (some 0.4 s
        /// into an incremental run on two cores).
        /// </summary>
        internal Task<StoredState> LoadStateAsync() => OwnThread(() => StateFile.Load(_session.Paths.State));

        /// <summary>
        /// The top of the state file, without its links (<see cref="StateFile.LoadHeader"/>); null when only the whole load
        /// will tell. On a thread of its own too, so that it does not wait behind the pool's work: the run's reads wait for it.
        /// </summary>
        internal Task<StoredState?> LoadStateHeaderAsync() => OwnThread(() => StateFile.LoadHeader(_session.Paths.State));

        private static Task<T> OwnThread<T>(Func<T> work) =>
            Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>
        /// One run: lock, read, plan, guard, confirm, apply, record. Throws <see cref="RunLockedException"/> when another
        /// run holds the profile; every other outcome (failures, a corrupt state file, cancellation) comes back as the
        /// summary, which is also appended to the history.
        /// </summary>
        public Task<RunSummary> RunAsync(RunRequest request, IRunObserver observer, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (observer == null) throw new ArgumentNullException(nameof(observer));
            return new SyncRun(this, _session, request, observer).RunAsync(ct);
        }
    }
}
