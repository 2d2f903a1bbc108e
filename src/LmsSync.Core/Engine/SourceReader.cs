using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Bulk;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Groups;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Reads the source people page by page. A failure on the first page (bad query, no access, sign-in refused)
    /// throws: there is nothing to plan from. A failure on a later page keeps what was read and marks the read
    /// incomplete, so the plan deactivates nobody as missing and the run says why.
    /// An incremental read selects the users changed since the watermark (ORDER BY SystemModstamp, Id), then, by id in
    /// chunks, the users whose public groups changed (a membership change does not move the user's SystemModstamp).
    /// A full read of a large org goes through Bulk API 2.0 instead of REST (BulkQueryThreshold); both hand out the same pages.
    /// </summary>
    internal static class SourceReader
    {
        /// <summary>Ids per <c>Id IN (…)</c> query: short enough for a GET URL.</summary>
        public const int IdChunk = 200;

        private static readonly RecordField SystemModstamp = new RecordField("SystemModstamp");

        public static bool ReadsGroups(SyncConfiguration configuration) =>
            configuration.Source.IncludePublicGroups && configuration.Mapping.Groups?.IncludePublicGroups == true &&
            ParseObject(configuration.Source.ObjectName) == SourceObject.User;

        /// <summary>
        /// Starts a full read's query ahead of <see cref="ReadAsync"/> (given to it as <c>opened</c>): the COUNT, and for a
        /// large org the Bulk job and its status polls, need only the configuration, so they can run while the caller
        /// still parses the state or checks the LMS; only the pages wait for <see cref="ReadAsync"/>. A caller that gives
        /// up before then cancels the token (a Bulk job still running is aborted) and settles the task.
        /// </summary>
        public static async Task<IRecordPageReader> OpenFullAsync(SalesforceClient salesforce, SyncConfiguration configuration, IActivityLog log, CancellationToken ct) =>
            await OpenFullReadAsync(salesforce, Query(configuration), configuration.Options.BulkQueryThreshold, log, ct).ConfigureAwait(false);

        /// <summary>
        /// For a caller that gives up after <see cref="OpenFullAsync"/> (and cancelled its token): waits for the opening to
        /// end, its failure observed, never thrown, and deletes a Bulk job it opened that nobody will read.
        /// </summary>
        public static async Task AbandonAsync(Task<IRecordPageReader>? opened)
        {
            await opened.SettledAsync().ConfigureAwait(false);
            if (opened != null && opened.Status == TaskStatus.RanToCompletion && opened.Result is BulkQueryReader bulk)
                await bulk.DiscardAsync().ConfigureAwait(false);
        }

        public static async Task<SourceRead> ReadAsync(SalesforceClient salesforce, SyncConfiguration configuration, IActivityLog log,
            IProgress<SyncProgress>? progress, CancellationToken ct, ReadScope? scope = null, SourceEvaluation? evaluation = null,
            Task<IRecordPageReader>? opened = null)
        {
            scope ??= ReadScope.Full("a preview reads everyone");

            PublicGroupMemberships? groups = null;
            if (ReadsGroups(configuration))
                groups = await salesforce.GetPublicGroupMembershipsAsync(ct).ConfigureAwait(false);
            var groupSnapshot = groups == null ? null : ReadScope.GroupSnapshot(groups);

            var incremental = scope.Mode == ReadMode.Incremental;
            if (incremental && opened != null) throw new ArgumentException("An incremental read cannot use a full read opened ahead.", nameof(opened));
            var query = Query(configuration);
            if (incremental)
            {
                query.ModifiedSince(scope.Since);
                query.OrderBySystemModstamp = true;
            }
            var state = new ReadState(groups, progress, evaluation);
            var reader = incremental
                ? await salesforce.QuerySourceAsync(query, null, ct).ConfigureAwait(false)
                : await (opened ?? OpenFullReadAsync(salesforce, query, configuration.Options.BulkQueryThreshold, log, ct)).ConfigureAwait(false);
            var total = reader.TotalSize > int.MaxValue ? (int?)null : (int)reader.TotalSize;
            state.Total = total;
            if (total is int announced)
            {
                state.Expect(announced);
                evaluation?.Expect(announced);
            }
            var complete = await DrainAsync(reader, state, log, ct).ConfigureAwait(false);
            var changedByStamp = state.Users.Count;

            var groupChanged = 0;
            if (incremental && complete && scope.PreviousGroups != null && groupSnapshot != null)
            {
                var ids = ReadScope.ChangedGroupUsers(scope.PreviousGroups, groupSnapshot)
                    .Where(id => !state.Index.ContainsKey(id)).ToList();
                groupChanged = ids.Count;
                state.Total = (state.Total ?? 0) + ids.Count;
                for (var i = 0; i < ids.Count && complete; i += IdChunk)
                {
                    var chunk = Query(configuration).IdIn(ids.Skip(i).Take(IdChunk));
                    var byId = await salesforce.QuerySourceAsync(chunk, null, ct).ConfigureAwait(false);
                    complete = await DrainAsync(byId, state, log, ct).ConfigureAwait(false);
                }
            }
            if (incremental)
                log.Verbose($"Incremental read: {changedByStamp} users changed since {scope.Since:u}" +
                            (groupSnapshot != null ? $", {groupChanged} more whose public groups changed." : "."));
            var reason = state.Incomplete;
            if (reason == null && !complete) reason = "The Salesforce read did not return every user it announced.";
            return new SourceRead(state.Users, state.Index, complete && reason == null, reason, state.Watermark, scope.Mode, groupSnapshot);
        }

        private static SourceQueryBuilder Query(SyncConfiguration configuration)
        {
            var source = ParseObject(configuration.Source.ObjectName);
            var built = new SourceQueryBuilder(source) { StandardUsersOnly = source == SourceObject.User && configuration.Source.StandardUsersOnly };
            built.AddFields(SourceFields.Of(configuration)).Where(configuration.Source.Where);
            return built;
        }

        /// <summary>
        /// A full read goes through Bulk API 2.0 when a <c>SELECT COUNT()</c> with the same WHERE reaches
        /// <paramref name="bulkThreshold"/> (0 = never): fewer calls and no query-locator timeouts for a big org.
        /// If the org refuses Bulk (API disabled, no permission), the read falls back to REST with a warning.
        /// </summary>
        private static async Task<IRecordPageReader> OpenFullReadAsync(SalesforceClient salesforce, SourceQueryBuilder query, int bulkThreshold, IActivityLog log, CancellationToken ct)
        {
            if (bulkThreshold <= 0)
            {
                log.Verbose("Full read through the REST query API (BulkQueryThreshold is 0: Bulk API 2.0 is off).");
                return await salesforce.QuerySourceAsync(query, null, ct).ConfigureAwait(false);
            }
            // The describes that validating the query's fields needs do not depend on the COUNT: they are fetched meanwhile
            // (the client caches them), so the read that follows starts without them. That read's own validation reports
            // an unknown field, as before.
            _ = salesforce.ValidateFieldsAsync(query.ObjectName, query.Fields, ct).ObserveFaults();
            var count = await salesforce.CountSourceAsync(query, ct).ConfigureAwait(false);
            if (count < bulkThreshold)
            {
                log.Verbose($"Full read through the REST query API: {count} records, below BulkQueryThreshold ({bulkThreshold}).");
                return await salesforce.QuerySourceAsync(query, null, ct).ConfigureAwait(false);
            }
            log.Verbose($"Full read through Bulk API 2.0: {count} records, at or above BulkQueryThreshold ({bulkThreshold}).");
            try
            {
                return await salesforce.QuerySourceBulkAsync(query, ct).ConfigureAwait(false);
            }
            catch (SalesforceApiException e) when (e.StatusCode == 400 || e.StatusCode == 403 || e.StatusCode == 404)
            {
                log.Warning($"Salesforce refused the Bulk API 2.0 query ({e.ErrorCode}: {e.SalesforceMessage}); reading through the REST query API instead. Set BulkQueryThreshold to 0 to skip the attempt.");
                return await salesforce.QuerySourceAsync(query, null, ct).ConfigureAwait(false);
            }
        }

        /// <summary>Reads every page of one query into <paramref name="state"/>; false when it stopped early.</summary>
        private static async Task<bool> DrainAsync(IRecordPageReader reader, ReadState state, IActivityLog log, CancellationToken ct)
        {
            state.Progress?.Report(new SyncProgress(SyncProgress.ReadingSalesforce, state.Users.Count, state.Total));
            while (true)
            {
                IReadOnlyList<SalesforceRecord>? page;
                try
                {
                    page = await reader.ReadPageAsync(ct).ConfigureAwait(false);
                }
                catch (SalesforceException e)
                {
                    state.Incomplete = $"The Salesforce read stopped after {state.Users.Count} of {state.Total?.ToString() ?? "?"} users: {e.Message}";
                    log.Warning(state.Incomplete + " Nobody is deactivated as missing in this run.");
                    return false;
                }
                if (page == null) break;
                state.Add(page);
                state.Progress?.Report(new SyncProgress(SyncProgress.ReadingSalesforce, state.Users.Count, state.Total));
            }
            return reader.IsComplete;
        }

        private static SourceObject ParseObject(string? name)
        {
            if (string.IsNullOrWhiteSpace(name) || string.Equals(name!.Trim(), "User", StringComparison.OrdinalIgnoreCase)) return SourceObject.User;
            if (string.Equals(name.Trim(), "Contact", StringComparison.OrdinalIgnoreCase)) return SourceObject.Contact;
            throw new ArgumentException($"Source object '{name}' is not supported; use User or Contact.");
        }

        private sealed class ReadState
        {
            /// <summary>The positions of <see cref="Users"/> when no evaluation keeps them (see <see cref="Index"/>).</summary>
            private Dictionary<string, int>? _index;

            public ReadState(PublicGroupMemberships? groups, IProgress<SyncProgress>? progress, SourceEvaluation? evaluation)
            {
                Groups = groups;
                Progress = progress;
                Evaluation = evaluation;
                // An evaluation that starts empty gets exactly the users kept here, in the same order: its table of first
                // positions is this read's index too, so 100,000 users are not hashed and kept in two tables.
                if (evaluation == null || evaluation.Count > 0) _index = new Dictionary<string, int>(SalesforceKeyComparer.Instance);
            }

            public PublicGroupMemberships? Groups { get; }
            public IProgress<SyncProgress>? Progress { get; }
            /// <summary>Each user read is evaluated here as it arrives, in the order of <see cref="Users"/>.</summary>
            public SourceEvaluation? Evaluation { get; }
            public List<SourceUser> Users { get; } = new List<SourceUser>();

            /// <summary>Each user's position in <see cref="Users"/> by Salesforce Id (compared by its key, no substring per user).</summary>
            public Dictionary<string, int> Index => _index ?? Evaluation!.FirstIndex;

            public DateTimeOffset? Watermark { get; set; }
            public int? Total { get; set; }
            public string? Incomplete { get; set; }

            /// <summary>
            /// Sizes the user list and the index by the count the read announced (bounded as the evaluation's are), so
            /// 100,000 users are not kept by growing and copying both some seventeen times.
            /// </summary>
            public void Expect(int users)
            {
                users = Math.Min(users, SourceEvaluation.MaxExpected);
                if (Users.Count > 0 || users <= Users.Capacity) return;
                Users.Capacity = users;
                if (_index != null) _index = new Dictionary<string, int>(users, SalesforceKeyComparer.Instance);
            }

            /// <summary>
            /// Keeps one page's users. Compiled optimised at once: it runs for every user but is called once per page, too
            /// seldom for the runtime to tier it up before the read is over (its first-tier code cost a 100,000-user read
            /// about a second of CPU).
            /// </summary>
            [MethodImpl(Jit.Optimized)]
            public void Add(IReadOnlyList<SalesforceRecord> page)
            {
                foreach (var record in page)
                {
                    var id = record.Id;
                    if (id == null) continue;
                    if (Index.ContainsKey(id)) continue; // a record moved between pages of a delta read
                    var user = new SourceUser(record, Groups?.GroupsOf(id));
                    if (_index != null) _index[id] = Users.Count;
                    Users.Add(user);
                    // Planning's source side, while the next page is on its way (the readers read ahead) and the LMS is read;
                    // it adds the user's position to the index.
                    Evaluation?.Add(user);
                    if (record[SystemModstamp] is DateTimeOffset modified && (Watermark == null || modified > Watermark)) Watermark = modified;
                }
            }
        }
    }
}
