using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Rows in batches through SCIM <c>/Bulk</c> (RFC 7644 §3.7), in up to three BulkRequests per batch, each sent once
    /// the one before has answered: (1) each row's own user write (create; reactivation and field changes as one
    /// PATCH), (2) group memberships, one PATCH per group carrying many members, using the ids step 1 returned,
    /// (3) deactivations — last, as on the single path. A row whose operation fails in one step fails alone (with
    /// the service's text) and takes no part in the later steps.
    /// </summary>
    public sealed partial class ScimConnector : ILmsBatchConnector
    {
        /// <summary>Rows per batch: the service's <c>maxOperations</c>, since each row is at most one user operation per request.</summary>
        public int BatchSize => Math.Max(1, _config?.BulkMaxOperations ?? 1);

        /// <summary>
        /// Every user row, when the service advertises <c>/Bulk</c> and <see cref="ScimClientOptions.UseBulk"/> is on
        /// (known after <see cref="CheckAsync"/> or <see cref="ReadAsync"/>); never otherwise.
        /// </summary>
        public bool CanBatch(PlanRow row) =>
            _clientOptions.UseBulk && _config is ScimServiceProviderConfig config && config.BulkSupported && config.PatchSupported
            && (row.Action == PlanAction.Create || row.LmsId != null)
            && (row.Action == PlanAction.Create || row.Action == PlanAction.Update || row.Action == PlanAction.Reactivate
                || row.Action == PlanAction.Deactivate || row.Action == PlanAction.NoChange);

        public Task<IReadOnlyList<LmsBatchResult>> ApplyBatchAsync(IReadOnlyList<PlanRow> rows, IOrgIdResolver orgIds, CancellationToken cancellationToken) =>
            Guard<IReadOnlyList<LmsBatchResult>>(async () =>
            {
                var config = await _client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
                var batch = new RowBatch(rows);
                await SendAsync(await UserOperationsAsync(batch, orgIds, config, cancellationToken).ConfigureAwait(false), batch, cancellationToken).ConfigureAwait(false);
                await SendAsync(GroupOperations(batch), batch, cancellationToken).ConfigureAwait(false);
                await SendAsync(Deactivations(batch), batch, cancellationToken).ConfigureAwait(false);
                return batch.Results();
            }, cancellationToken);

        /// <summary>Step 1: each row's create or PATCH; its group ids are resolved here too, so a missing group fails the row before any write.</summary>
        private async Task<List<RowOperation>> UserOperationsAsync(RowBatch batch, IOrgIdResolver orgIds, ScimServiceProviderConfig config, CancellationToken cancellationToken)
        {
            var operations = new List<RowOperation>();
            for (var i = 0; i < batch.Rows.Count; i++)
            {
                var row = batch.Rows[i];
                try
                {
                    batch.Joins[i] = RowOrg.JoinIds(row, orgIds);
                    batch.Leaves[i] = RowOrg.LeaveIds(row, orgIds);
                    if (row.Action == PlanAction.Create)
                    {
                        var create = new ScimBulkItem(operations.Count, "POST", "/Users", _client.CreateUserBody(NewUser(row), row.SendWelcomeEmail), null, null, safeToResend: true);
                        operations.Add(new RowOperation(create, token => WriteUserAsync(row, token), i));
                        continue;
                    }
                    var id = batch.Ids[i] = RowOrg.ExistingId(row);
                    var patch = new List<ScimPatchOperation>();
                    if (row.Action == PlanAction.Reactivate) patch.Add(_client.ActivePatch(true));
                    string? version = null;
                    if (row.Changes.Count > 0)
                    {
                        var current = await CurrentAsync(id, cancellationToken).ConfigureAwait(false);
                        patch.AddRange(Changes(row).ToPatch(current.Resource));
                        version = current.Version;
                    }
                    if (patch.Count == 0) continue;
                    var item = new ScimBulkItem(operations.Count, "PATCH", "/" + UserPath(id), ScimPatchOperation.Message(patch),
                        _client.KnownVersion(config, "Users", id, version), id, ScimPatchOperation.Idempotent(patch))
                    {
                        RetryAloneWhen = ActiveRetry(row.Action == PlanAction.Reactivate),
                    };
                    operations.Add(new RowOperation(item, token => WriteUserAsync(row, token), i));
                    // The base is no longer what the service holds: a later update of this user (or the alone path) reads it again.
                    _lastRead.Table.TryRemove(id, out _);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    batch.Fail(i, Translate(e));
                }
            }
            return operations;
        }

        /// <summary>Step 2: per group, the members to add and to remove, as few PATCHes as the member limit per PATCH allows.</summary>
        private List<RowOperation> GroupOperations(RowBatch batch)
        {
            var adds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var removes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Rows.Count; i++)
            {
                if (!batch.Alive(i)) continue;
                foreach (var group in batch.Joins[i]!) Add(adds, group, i);
                foreach (var group in batch.Leaves[i]!) Add(removes, group, i);
            }
            var operations = new List<RowOperation>();
            AddGroupPatches(operations, batch, adds, members => new[] { ScimClient.AddMembers(members) }, _client.AddGroupMembersAsync, null);
            // A member already gone makes the whole remove a 400 noTarget: the single path reads the group and removes only its members.
            AddGroupPatches(operations, batch, removes, ScimClient.RemoveMembers, _client.RemoveGroupMembersAsync,
                (status, error) => status == 412 || (status == 400 && error.ScimType == "noTarget"));
            return operations;
        }

        /// <summary>One PATCH per group and chunk of members; <paramref name="alone"/> is how the chunk goes when it must be sent on its own.</summary>
        private static void AddGroupPatches(List<RowOperation> operations, RowBatch batch, Dictionary<string, List<int>> rowsByGroup,
            Func<IReadOnlyList<string>, IEnumerable<ScimPatchOperation>> patch, Func<string, IEnumerable<string>, CancellationToken, Task> alone,
            Func<int, ScimException, bool>? retryAloneWhen)
        {
            foreach (var pair in rowsByGroup)
                foreach (var chunk in Chunks(pair.Value))
                {
                    var members = chunk.Select(i => batch.Ids[i]!).ToList();
                    var item = new ScimBulkItem(operations.Count, "PATCH", "/" + GroupPath(pair.Key), ScimPatchOperation.Message(patch(members)), null, pair.Key, safeToResend: true);
                    if (retryAloneWhen != null) item.RetryAloneWhen = retryAloneWhen;
                    operations.Add(new RowOperation(item, async token =>
                    {
                        await alone(pair.Key, members, token).ConfigureAwait(false);
                        return pair.Key;
                    }, chunk.ToArray()));
                }
        }

        /// <summary>Step 3: <c>active=false</c> for the deactivated rows still standing.</summary>
        private List<RowOperation> Deactivations(RowBatch batch)
        {
            var operations = new List<RowOperation>();
            for (var i = 0; i < batch.Rows.Count; i++)
            {
                if (!batch.Alive(i) || batch.Rows[i].Action != PlanAction.Deactivate) continue;
                var id = batch.Ids[i]!;
                var item = new ScimBulkItem(operations.Count, "PATCH", "/" + UserPath(id), ScimPatchOperation.Message(new[] { _client.ActivePatch(false) }), null, id, safeToResend: true)
                {
                    RetryAloneWhen = ActiveRetry(true),
                };
                operations.Add(new RowOperation(item, async token =>
                {
                    Remember(await _client.DeactivateUserAsync(id, token).ConfigureAwait(false));
                    return id;
                }, i));
                _lastRead.Table.TryRemove(id, out _);
            }
            return operations;
        }

        /// <summary>
        /// One step's operations through the client's bulk writer; each outcome goes to the rows it carries. A created
        /// user's id is the one the service answered with (body id, else Location). A failure of the whole request fails
        /// each row of the step.
        /// </summary>
        private async Task SendAsync(List<RowOperation> operations, RowBatch batch, CancellationToken cancellationToken)
        {
            if (operations.Count == 0) return;
            IReadOnlyList<ScimWriteResult> results;
            try
            {
                results = await _client.WriteManyAsync(operations.Select(o => o.Item).ToList(),
                    async (item, token) => (200, await operations[item.Index].Alone(token).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var error = Translate(e);
                foreach (var operation in operations)
                    foreach (var row in operation.Rows) batch.Fail(row, error);
                return;
            }
            foreach (var result in results)
                foreach (var row in operations[result.Index].Rows)
                {
                    if (!result.Succeeded) batch.Fail(row, Translate(result.Error!));
                    else if (batch.Ids[row] == null) batch.Ids[row] = result.Id;
                }
        }

        /// <summary>
        /// A PATCH that set <c>active</c> in the path form and met a 400 goes again alone, where the client falls back
        /// to the path-less form (ScimActiveStyle.Auto); a 412 goes alone to be re-read.
        /// </summary>
        private Func<int, ScimException, bool> ActiveRetry(bool setsActive) =>
            (status, _) => status == 412 || (setsActive && status == 400 && _clientOptions.ActiveStyle == ScimActiveStyle.Auto);

        private static LmsConnectorException Translate(Exception e) => e as LmsConnectorException ?? ConnectorErrors.Translate(e, Lms, CredentialHint);

        private static void Add(Dictionary<string, List<int>> map, string key, int row)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<int>();
            if (!list.Contains(row)) list.Add(row);
        }

        private static IEnumerable<List<int>> Chunks(List<int> rows)
        {
            for (var start = 0; start < rows.Count; start += ScimClient.MembersPerPatch)
                yield return rows.GetRange(start, Math.Min(ScimClient.MembersPerPatch, rows.Count - start));
        }

        /// <summary>One bulk operation, how to send it alone, and the rows whose outcome it is.</summary>
        private sealed class RowOperation
        {
            public RowOperation(ScimBulkItem item, Func<CancellationToken, Task<string>> alone, params int[] rows)
            {
                Item = item;
                Alone = alone;
                Rows = rows;
            }

            public ScimBulkItem Item { get; }
            public Func<CancellationToken, Task<string>> Alone { get; }
            public IReadOnlyList<int> Rows { get; }
        }

        /// <summary>The rows of one batch as the steps go: each row's user id, group ids, and first error.</summary>
        private sealed class RowBatch
        {
            private readonly LmsConnectorException?[] _errors;

            public RowBatch(IReadOnlyList<PlanRow> rows)
            {
                Rows = rows;
                Ids = new string?[rows.Count];
                Joins = new IReadOnlyList<string>?[rows.Count];
                Leaves = new IReadOnlyList<string>?[rows.Count];
                _errors = new LmsConnectorException?[rows.Count];
            }

            public IReadOnlyList<PlanRow> Rows { get; }
            public string?[] Ids { get; }
            public IReadOnlyList<string>?[] Joins { get; }
            public IReadOnlyList<string>?[] Leaves { get; }

            public bool Alive(int row) => _errors[row] == null && Ids[row] != null;

            public void Fail(int row, LmsConnectorException error)
            {
                if (_errors[row] == null) _errors[row] = error;
            }

            public IReadOnlyList<LmsBatchResult> Results() =>
                Rows.Select((row, i) => _errors[i] == null && Ids[i] == null
                    ? new LmsBatchResult(row, null, new LmsConnectorException($"The SCIM service named no id for the new user '{row}'; find it by userName.", 0, false, false))
                    : new LmsBatchResult(row, _errors[i] == null ? Ids[i] : null, _errors[i])).ToList();
        }
    }
}
