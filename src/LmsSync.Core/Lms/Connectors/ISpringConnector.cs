using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// iSpring Learn behind <see cref="ILmsConnector"/>. Canonical field names are iSpring's own field names
    /// (<c>login</c>, <c>first_name</c>, <c>USER_DEFINED_FIELD2</c>), so fields pass through unchanged; the
    /// Salesforce Id lives in the custom field named by <see cref="ISpringClientOptions.SalesforceIdField"/>, when set,
    /// and travels as an ordinary field change. Deactivations and reactivations can go in bulk (<see cref="ILmsBatchConnector"/>);
    /// an incremental run looks up only the users it needs through the list filters (<see cref="ILmsLookupConnector"/>).
    /// </summary>
    public sealed class ISpringConnector : ILmsConnector, ILmsBatchConnector, ILmsLookupConnector, IAdaptiveLmsConnector
    {
        /// <summary>Values per filtered <c>GET /users/v2</c>; with <see cref="LookupUrlBudget"/> it keeps the URL short.</summary>
        internal const int LookupChunk = 100;

        /// <summary>Characters of filter parameters per request: well under the 8 KB URL limit common to servers and proxies.</summary>
        internal const int LookupUrlBudget = 4000;

        internal const string Lms = "iSpring Learn";
        internal const string CredentialHint = "Check the iSpring Learn API key's client id and secret (iSpring Learn → Account settings → API).";

        private readonly ISpringClientOptions _clientOptions;
        private readonly ISpringConnectorOptions _options;
        private readonly ISpringClient _client;
        private readonly ISpringRequests _requests;
        private volatile LmsCapabilities _capabilities;
        private volatile LmsFieldCatalog _catalog = LmsFieldCatalog.ISpring;
        private volatile string? _rootDepartmentId;
        private volatile bool _catalogLoaded;

        public ISpringConnector(ISpringClientOptions clientOptions, ISpringConnectorOptions? options = null)
        {
            _clientOptions = clientOptions ?? throw new ArgumentNullException(nameof(clientOptions));
            _options = options ?? new ISpringConnectorOptions();
            clientOptions.InnerHandler = new CallCountingHandler(Calls, IsRead, clientOptions.InnerHandler ?? NetworkHandler.Create(clientOptions.MaxConcurrentRequests));
            clientOptions.RetryPolicy = RetryCounting.Count(clientOptions.RetryPolicy, Calls);
            if (string.IsNullOrWhiteSpace(clientOptions.DefaultInvitationMessage))
                clientOptions.DefaultInvitationMessage = ISpringConnectorOptions.DefaultInvitationMessage;
            _client = new ISpringClient(clientOptions);
            _requests = new ISpringRequests(_client, clientOptions);
            _capabilities = LmsCapabilities.For(LmsKind.ISpring).WithSalesforceIdField(clientOptions.SalesforceIdField);
        }

        public LmsCapabilities Capabilities => _capabilities;
        public LmsFieldCatalog Catalog => _catalog;
        public int MaxConcurrency => _clientOptions.MaxConcurrentRequests;

        public AdaptiveConcurrencyLimit Concurrency => _client.Concurrency;

        public LmsCallCounters Calls { get; } = new LmsCallCounters();

        public Task CheckAsync(CancellationToken cancellationToken) => Guard(async () =>
        {
            await _client.SignInAsync(cancellationToken).ConfigureAwait(false);
            await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

        /// <summary>
        /// Every user, and the departments and groups, read at the same time: the users are read department by department
        /// as soon as the departments are known (<see cref="ISpringClient.ReadEveryoneAsync"/>), and only the snapshot needs
        /// the groups.
        /// </summary>
        public Task<LmsSnapshot> ReadAsync(IProgress<int>? usersRead, CancellationToken cancellationToken) => Guard(async () =>
        {
            if (!_catalogLoaded) await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
            // Observed from the start: should the users' read fail first, the organisation's failure is not left unobserved.
            var organisation = ReadOrganisationAsync(cancellationToken).ObserveFaults();
            return await ReadEveryoneAsync(organisation, usersRead, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

        /// <summary>
        /// Filtered <c>GET /users/v2</c> calls, one filter kind per call (the reference does not say how kinds combine;
        /// the emulator ANDs them): by <c>userIds[]</c>, <c>emails[]</c> and <c>logins[]</c>, in chunks; the Salesforce Id
        /// field through <c>POST /user/list</c> profile-field filters. Chunks run up to <see cref="MaxConcurrency"/> at once.
        /// Every user is read, page by page, when <see cref="LmsLookup.ReadsEveryone"/>.
        /// </summary>
        public async Task<LmsSnapshot> ReadMatchingAsync(Task<LmsLookup> lookup, CancellationToken cancellationToken)
        {
            // Observed from the start: should the keys or the lookups fail first, its failure is not left unobserved.
            var organisation = Guard(() => ReadOrganisationAsync(cancellationToken), cancellationToken).ObserveFaults();
            var keys = await lookup.ConfigureAwait(false);
            return await Guard(async () =>
            {
                if (keys.ReadsEveryone) return await ReadEveryoneAsync(organisation, null, cancellationToken).ConfigureAwait(false);
                var calls = new List<Func<CancellationToken, Task<IReadOnlyList<ISpringUser>>>>();
                AddFilteredReads(calls, keys.LmsIds, (q, v) => q.UserIds.Add(v), "userIds");
                AddFilteredReads(calls, keys.Emails, (q, v) => q.Emails.Add(v), "emails");
                AddFilteredReads(calls, keys.Logins, (q, v) => q.Logins.Add(v), "logins");
                if (_capabilities.SalesforceIdField != null)
                    foreach (var chunk in LookupChunks.Split(keys.SalesforceIds, LookupChunk, int.MaxValue, _ => 1))
                        calls.Add(ct => _client.FindBySalesforceIdsAsync(chunk, ct));
                // The lookups go out while the departments and groups are read: only the snapshot needs them.
                var found = await LookupChunks.RunAsync(calls, MaxConcurrency, cancellationToken).ConfigureAwait(false);
                var users = new Dictionary<string, LmsUser>(StringComparer.Ordinal);
                var conversion = NewConversion();
                foreach (var user in found)
                    if (!users.ContainsKey(user.UserId)) users[user.UserId] = conversion.ToLmsUser(user);
                return Snapshot(users.Values.ToList(), await organisation.ConfigureAwait(false), usersComplete: false);
            }, cancellationToken).ConfigureAwait(false);
        }

        private async Task<LmsSnapshot> ReadEveryoneAsync(Task<Organisation> organisation, IProgress<int>? usersRead, CancellationToken cancellationToken)
        {
            var (users, departments) = await _client.ReadEveryoneAsync(DepartmentsAsync(organisation), NewConversion().ToLmsUser, usersRead, cancellationToken).ConfigureAwait(false);
            var read = await organisation.ConfigureAwait(false);
            return Snapshot(users, new Organisation(departments, read.Groups), usersComplete: true);
        }

        private static async Task<IReadOnlyList<ISpringDepartment>> DepartmentsAsync(Task<Organisation> organisation) =>
            (await organisation.ConfigureAwait(false)).Departments;

        private void AddFilteredReads(List<Func<CancellationToken, Task<IReadOnlyList<ISpringUser>>>> calls, IEnumerable<string> values,
            Action<ISpringUserQuery, string> add, string parameter)
        {
            var perValue = Uri.EscapeDataString(parameter + "[]").Length + 2;
            foreach (var chunk in LookupChunks.Split(values, LookupChunk, LookupUrlBudget, v => perValue + Uri.EscapeDataString(v).Length))
            {
                var query = new ISpringUserQuery();
                foreach (var value in chunk) add(query, value);
                calls.Add(ct => _client.ReadUsers(query).ReadAllAsync(ct));
            }
        }

        private async Task<Organisation> ReadOrganisationAsync(CancellationToken cancellationToken)
        {
            if (!_catalogLoaded) await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
            // Independent lists: read at the same time.
            var reading = _client.ReadGroups().ReadAllAsync(cancellationToken).ObserveFaults();
            var departments = await _client.ReadDepartments().ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var groups = await reading.ConfigureAwait(false);
            _rootDepartmentId = departments.FirstOrDefault(d => d.IsRoot)?.DepartmentId ?? _rootDepartmentId;
            return new Organisation(departments, groups);
        }

        private static LmsSnapshot Snapshot(List<LmsUser> users, Organisation organisation, bool usersComplete) =>
            new LmsSnapshot(users,
                organisation.Groups.Select(g => new LmsGroup(g.GroupId, g.Name)).ToList(),
                organisation.Departments.Select(d => new LmsDepartment(d.DepartmentId, d.Name, d.IsRoot ? null : d.ParentDepartmentId)).ToList(),
                usersComplete);

        public Task<string?> ApplyAsync(OrgChange change, CancellationToken cancellationToken) => Guard<string?>(async () =>
        {
            switch (change.Kind)
            {
                case OrgChangeKind.CreateDepartment:
                    var parent = change.ParentId ?? await RootDepartmentIdAsync(cancellationToken).ConfigureAwait(false);
                    return await _client.CreateDepartmentAsync(change.Name, parent, null, cancellationToken).ConfigureAwait(false);
                case OrgChangeKind.CreateGroup:
                    return await _client.CreateGroupAsync(change.Name, cancellationToken).ConfigureAwait(false);
                case OrgChangeKind.DeleteDepartment:
                    await _client.DeleteDepartmentAsync(change.Id ?? throw new ArgumentException("A department to delete needs its id."), cancellationToken).ConfigureAwait(false);
                    return null;
                default:
                    throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown org change.");
            }
        }, cancellationToken);

        public Task<string> ApplyAsync(PlanRow row, IOrgIdResolver orgIds, CancellationToken cancellationToken) => Guard(async () =>
        {
            if (row.Action == PlanAction.Create)
                return await _client.CreateUserAsync(_requests.NewUser(row, orgIds), cancellationToken).ConfigureAwait(false);

            var id = RowOrg.ExistingId(row);
            if (row.Action == PlanAction.Reactivate) await _client.ReactivateUserAsync(id, cancellationToken).ConfigureAwait(false);
            var update = ISpringRequests.Update(row, orgIds);
            await _client.UpdateUserAsync(id, update, cancellationToken).ConfigureAwait(false);
            foreach (var groupId in RowOrg.JoinIds(row, orgIds)) await _client.JoinGroupAsync(groupId, id, cancellationToken).ConfigureAwait(false);
            var leave = RowOrg.LeaveIds(row, orgIds);
            if (_clientOptions.GroupLeaveMode == ISpringGroupLeaveMode.UserGroupsRemove)
                await _client.RemoveUserFromGroupsAsync(id, leave, cancellationToken).ConfigureAwait(false);
            else
                foreach (var groupId in leave) await _client.LeaveGroupAsync(groupId, id, cancellationToken).ConfigureAwait(false);
            // Last, so a deactivated user's final profile and memberships are what Salesforce said.
            if (row.Action == PlanAction.Deactivate) await _client.DeactivateUserAsync(id, cancellationToken).ConfigureAwait(false);
            return id;
        }, cancellationToken);

        public IReadOnlyList<PayloadPreview> Preview(PlanRow row, IOrgIdResolver orgIds) =>
            ConnectorErrors.Guard(Lms, CredentialHint, () => _requests.Preview(row, orgIds));

        public bool CanBatch(PlanRow row) =>
            (row.Action == PlanAction.Deactivate || row.Action == PlanAction.Reactivate) && row.LmsId != null
            && row.Changes.Count == 0 && row.DepartmentChange == null && row.GroupsToJoin.Count == 0 && row.GroupsToLeave.Count == 0;

        /// <summary>Rows per engine batch; the client splits further by <see cref="ISpringClientOptions.BulkBatchSize"/>.</summary>
        public int BatchSize => 100;

        public async Task<IReadOnlyList<LmsBatchResult>> ApplyBatchAsync(IReadOnlyList<PlanRow> rows, IOrgIdResolver orgIds, CancellationToken cancellationToken)
        {
            var results = new LmsBatchResult[rows.Count];
            foreach (var action in new[] { PlanAction.Deactivate, PlanAction.Reactivate })
            {
                var indexes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Action == action && CanBatch(rows[i])).ToList();
                if (indexes.Count == 0) continue;
                var ids = indexes.Select(i => rows[i].LmsId!).ToList();
                LmsConnectorException? error = null;
                try
                {
                    await Guard(() => action == PlanAction.Deactivate
                        ? _client.DeactivateUsersAsync(ids, cancellationToken)
                        : _client.ActivateUsersAsync(ids, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (LmsConnectorException e)
                {
                    error = e;
                }
                foreach (var i in indexes) results[i] = new LmsBatchResult(rows[i], error == null ? rows[i].LmsId : null, error);
            }
            for (var i = 0; i < rows.Count; i++)
            {
                if (results[i] == null)
                    results[i] = new LmsBatchResult(rows[i], null, new LmsConnectorException($"The row '{rows[i]}' cannot be applied in a batch; apply it on its own.", 0, false, false));
            }
            return results;
        }

        public void Dispose() => _client.Dispose();

        private async Task LoadCatalogAsync(CancellationToken cancellationToken)
        {
            var fields = await _client.GetProfileFieldsAsync(cancellationToken).ConfigureAwait(false);
            _catalog = LmsFieldCatalog.ISpring.WithCustomFields(ISpringCustomFields.From(fields, LmsFieldCatalog.ISpring));
            var salesforceIdField = await _client.ResolveSalesforceIdFieldAsync(cancellationToken).ConfigureAwait(false);
            _capabilities = LmsCapabilities.For(LmsKind.ISpring).WithSalesforceIdField(salesforceIdField);
            _requests.SalesforceIdField = salesforceIdField;
            _catalogLoaded = true;
        }

        private async Task<string> RootDepartmentIdAsync(CancellationToken cancellationToken) =>
            _rootDepartmentId ??= (await _client.GetRootDepartmentAsync(cancellationToken).ConfigureAwait(false)).DepartmentId;

        /// <summary>The conversion of one read's users, with the catalogue and Salesforce Id field known when it starts.</summary>
        private ISpringUserConversion NewConversion() =>
            new ISpringUserConversion(_catalog, _capabilities.SalesforceIdField, _options.AdministratorRole);

        /// <summary>The token request and the <c>POST /user/list</c> search only read.</summary>
        private static bool IsRead(HttpRequestMessage request)
        {
            if (CallCountingHandler.ByHttpMethod(request)) return true;
            var path = request.RequestUri?.AbsolutePath ?? "";
            return path.EndsWith("/token", StringComparison.Ordinal) || path.EndsWith("/user/list", StringComparison.Ordinal);
        }

        private static Task Guard(Func<Task> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);

        private static Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);

        /// <summary>The departments and the groups, as read.</summary>
        private sealed class Organisation
        {
            public Organisation(IReadOnlyList<ISpringDepartment> departments, IReadOnlyList<ISpringGroup> groups)
            {
                Departments = departments;
                Groups = groups;
            }

            public IReadOnlyList<ISpringDepartment> Departments { get; }
            public IReadOnlyList<ISpringGroup> Groups { get; }
        }
    }
}
