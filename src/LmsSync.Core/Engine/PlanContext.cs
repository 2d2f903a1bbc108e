using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>Both ends read and the plan made from them: what previews show and runs apply.</summary>
    internal sealed class PlanContext
    {
        private PlanContext(SourceRead source, LmsSnapshot lms, Plan plan)
        {
            Source = source;
            Lms = lms;
            Plan = plan;
        }

        public SourceRead Source { get; }
        public LmsSnapshot Lms { get; }
        public Plan Plan { get; }

        /// <summary>
        /// Reads Salesforce and the LMS at the same time (they are independent), then plans. An incremental run with a
        /// connector that can look users up reads Salesforce first and then only the LMS users that could match those
        /// read (groups and departments meanwhile); every other run reads the whole LMS, from <paramref name="lmsRead"/>
        /// when the caller started it early (<see cref="StartWholeLmsRead"/>). Each Salesforce user is evaluated as its
        /// page arrives (<see cref="SourceEvaluation"/>), so after the reads only matching and deciding are left.
        /// </summary>
        public static Task<PlanContext> BuildAsync(SyncSession session, SyncState state, IProgress<SyncProgress>? progress, CancellationToken ct,
            ReadScope? scope = null, Task<LmsSnapshot>? lmsRead = null, Task<IRecordPageReader>? sourceOpened = null) =>
            BuildAsync(session, Task.FromResult(state), progress, ct, scope, lmsRead, sourceOpened);

        /// <summary>
        /// As above, with the state still loading: the reads need only the scope, so they start at once, and the links
        /// are awaited where they are first needed (the lookup keys of an incremental run, else the planning). A full read's
        /// query may have been opened already (<see cref="SourceReader.OpenFullAsync"/>, <paramref name="sourceOpened"/>).
        /// </summary>
        public static async Task<PlanContext> BuildAsync(SyncSession session, Task<SyncState> loading, IProgress<SyncProgress>? progress, CancellationToken ct,
            ReadScope? scope = null, Task<LmsSnapshot>? lmsRead = null, Task<IRecordPageReader>? sourceOpened = null)
        {
            var configuration = session.Configuration;
            var salesforce = ReadSourceAsync(session, scope, sourceOpened, progress, ct);
            var lms = lmsRead ?? (LooksUp(session, scope)
                ? LookUpAsync(session, (ILmsLookupConnector)session.Lms, salesforce, loading, LmsProgress(progress), ct)
                : session.Lms.ReadAsync(LmsProgress(progress), ct));
            try
            {
                await Task.WhenAll(salesforce, lms).ConfigureAwait(false);
            }
            catch
            {
                // Observe both, so the second failure is not unobserved; the first one is what the caller sees.
                _ = salesforce.Exception;
                _ = lms.Exception;
                throw;
            }
            var read = await salesforce.ConfigureAwait(false);
            var source = read.Source;
            var snapshot = await lms.ConfigureAwait(false);
            var state = await loading.ConfigureAwait(false);
            progress?.Report(new SyncProgress(SyncProgress.Planning, 0, source.Users.Count));
            // An incremental read is never the whole set: nobody is deactivated as missing from it.
            var input = new PlanInput(source.Users, source.Complete && source.Mode == ReadMode.Full, snapshot, state, configuration.Mapping, session.Lms.Catalog,
                session.Lms.Capabilities, session.Clock, configuration.Options, configuration.Rules, configuration.Scope);
            var plan = Planner.Plan(input.WithEvaluation(read.Evaluation));
            progress?.Report(new SyncProgress(SyncProgress.Planning, source.Users.Count, source.Users.Count));
            return new PlanContext(source, snapshot, plan);
        }

        private static async Task<EvaluatedSource> ReadSourceAsync(SyncSession session, ReadScope? scope, Task<IRecordPageReader>? opened,
            IProgress<SyncProgress>? progress, CancellationToken ct)
        {
            var configuration = session.Configuration;
            // The connector was checked, so its catalogue stays put; were it to change during the read, the planner
            // would see the evaluation no longer fits and evaluate again.
            var evaluation = new SourceEvaluation(configuration.Mapping, session.Lms.Catalog, session.Lms.Capabilities, configuration.Rules, configuration.Scope);
            var source = await SourceReader.ReadAsync(session.Salesforce, configuration, session.Log, progress, ct, scope, evaluation, opened).ConfigureAwait(false);
            return new EvaluatedSource(source, evaluation);
        }

        /// <summary>
        /// Starts reading the whole LMS as soon as <paramref name="lmsChecked"/> is done (the check settles the connector's
        /// catalogue), or returns null when the run looks users up instead: that needs the Salesforce users first.
        /// </summary>
        public static Task<LmsSnapshot>? StartWholeLmsRead(SyncSession session, Task lmsChecked, ReadScope? scope, IProgress<SyncProgress>? progress,
            CancellationToken ct)
        {
            if (LooksUp(session, scope)) return null;
            return ReadWholeLmsAsync(session, lmsChecked, LmsProgress(progress), ct);
        }

        private static async Task<LmsSnapshot> ReadWholeLmsAsync(SyncSession session, Task lmsChecked, IProgress<int>? progress, CancellationToken ct)
        {
            await lmsChecked.ConfigureAwait(false);
            return await session.Lms.ReadAsync(progress, ct).ConfigureAwait(false);
        }

        private static bool LooksUp(SyncSession session, ReadScope? scope) => scope?.Mode == ReadMode.Incremental && session.Lms is ILmsLookupConnector;

        private static IProgress<int>? LmsProgress(IProgress<SyncProgress>? progress) =>
            progress == null ? null : new SynchronousProgress(n => progress.Report(new SyncProgress(SyncProgress.ReadingLms, n, null)));

        /// <summary>The LMS users that could match the Salesforce users read (see <see cref="LookupKeys"/>), with every group and department.</summary>
        private static async Task<LmsSnapshot> LookUpAsync(SyncSession session, ILmsLookupConnector lookup, Task<EvaluatedSource> salesforce, Task<SyncState> loading,
            IProgress<int>? progress, CancellationToken ct)
        {
            var readsBefore = session.Lms.Calls.Reads;
            var keys = KeysAsync(salesforce, loading);
            var snapshot = await lookup.ReadMatchingAsync(keys, ct).ConfigureAwait(false);
            var read = await keys.ConfigureAwait(false);
            var state = await loading.ConfigureAwait(false);
            var source = (await salesforce.ConfigureAwait(false)).Source;
            progress?.Report(snapshot.Users.Count);
            session.Log.Verbose(snapshot.UsersComplete
                ? $"LMS lookup: all {snapshot.Users.Count} LMS users were read " +
                  (read.ReadsEveryone ? $"({source.Users.Count} changed of {state.Links.Count} managed is more than one in {LookupKeys.ManagedUsersPerChangedUser})." : "(the LMS cannot filter users).")
                : $"LMS lookup: {snapshot.Users.Count} LMS users found for {read.Count} keys " +
                  $"({read.LmsIds.Count} linked ids, {read.SalesforceIds.Count} Salesforce Ids, {read.Emails.Count} emails, {read.Logins.Count} logins) " +
                  $"in {session.Lms.Calls.Reads - readsBefore} LMS reads, groups and departments included.");
            return snapshot;
        }

        private static async Task<LmsLookup> KeysAsync(Task<EvaluatedSource> salesforce, Task<SyncState> loading)
        {
            var read = await salesforce.ConfigureAwait(false);
            return LookupKeys.For(read.Evaluation, await loading.ConfigureAwait(false));
        }

        /// <summary>The rows of the given Salesforce users (all rows when null).</summary>
        public IReadOnlyList<PlanRow> RowsFor(IReadOnlyCollection<string>? salesforceIds)
        {
            if (salesforceIds == null) return Plan.Rows;
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in salesforceIds)
                if (!string.IsNullOrWhiteSpace(id)) wanted.Add(SalesforceIdKey.Of(id.Trim()));
            var rows = new List<PlanRow>();
            foreach (var row in Plan.Rows)
                if (row.SalesforceId != null && wanted.Contains(SalesforceIdKey.Of(row.SalesforceId))) rows.Add(row);
            return rows;
        }

        /// <summary>The Salesforce users read, and each one's evaluation (rules, mapping, scope) made as it arrived.</summary>
        private sealed class EvaluatedSource
        {
            public EvaluatedSource(SourceRead source, SourceEvaluation evaluation)
            {
                Source = source;
                Evaluation = evaluation;
            }

            public SourceRead Source { get; }
            public SourceEvaluation Evaluation { get; }
        }

        /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to a captured context).</summary>
        private sealed class SynchronousProgress : IProgress<int>
        {
            private readonly Action<int> _report;
            public SynchronousProgress(Action<int> report) => _report = report;
            public void Report(int value) => _report(value);
        }
    }
}
