using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// SkyPrep behind <see cref="ILmsConnector"/>: groups but no departments, per-user membership calls, the
    /// Salesforce Id in <c>user_identifier</c>. One request at a time (the client throttles to SkyPrep's 100 a
    /// minute), so <see cref="MaxConcurrency"/> is 1.
    /// </summary>
    public sealed class SkyPrepConnector : ILmsConnector
    {
        internal const string Lms = "SkyPrep";
        internal const string CredentialHint = "Check the SkyPrep API key (Customization tab → API) and the account key (the platform domain, e.g. acme.skyprepapp.com).";

        private readonly SkyPrepConnectorOptions _options;
        private readonly SkyPrepClient _client;

        public SkyPrepConnector(SkyPrepClientOptions clientOptions, SkyPrepConnectorOptions? options = null) : this(clientOptions, options, null)
        {
        }

        /// <param name="socket">The innermost handler (tests, proxies); null = an HttpClientHandler (<see cref="Http.NetworkHandler"/>).</param>
        internal SkyPrepConnector(SkyPrepClientOptions clientOptions, SkyPrepConnectorOptions? options, HttpMessageHandler? socket)
        {
            if (clientOptions == null) throw new ArgumentNullException(nameof(clientOptions));
            _options = options ?? new SkyPrepConnectorOptions();
            clientOptions.Retry = RetryCounting.Count(clientOptions.Retry, Calls);
            _client = new SkyPrepClient(clientOptions, new CallCountingHandler(Calls, IsRead, socket ?? NetworkHandler.Create(MaxConcurrency)));
            Capabilities = LmsCapabilities.For(LmsKind.SkyPrep).WithSalesforceIdField(_options.KeepSalesforceId ? SkyPrepFields.SalesforceId : null);
            Catalog = LmsFieldCatalog.SkyPrep.WithCustomFields(_options.CustomLabels);
        }

        public LmsCapabilities Capabilities { get; }
        public LmsFieldCatalog Catalog { get; }

        /// <summary>SkyPrep asks for one call at a time; its client queues the rest.</summary>
        public int MaxConcurrency => 1;

        public LmsCallCounters Calls { get; } = new LmsCallCounters();

        public Task CheckAsync(CancellationToken cancellationToken) =>
            Guard(() => _client.TestConnectionAsync(cancellationToken), cancellationToken);

        public Task<LmsSnapshot> ReadAsync(IProgress<int>? usersRead, CancellationToken cancellationToken) => Guard(async () =>
        {
            var groups = await _client.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
            var users = new List<LmsUser>();
            var reader = _client.ReadUsers();
            IReadOnlyList<SkyPrepUser>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
            {
                foreach (var user in page)
                {
                    // The user object lists its groups by default; otherwise ask per user (GroupsOfUser option).
                    var memberOf = user.Groups ?? await _client.GetGroupsOfUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
                    var groupIds = memberOf.Select(g => SkyPrepFields.Id(g.Id)).ToList();
                    users.Add(SkyPrepFields.ToLmsUser(user, groupIds, _options.KeepSalesforceId, _options.AdministratorRole));
                }
                usersRead?.Report(users.Count);
            }
            return new LmsSnapshot(users, groups.Select(g => new LmsGroup(SkyPrepFields.Id(g.Id), g.Name)).ToList());
        }, cancellationToken);

        public Task<string?> ApplyAsync(OrgChange change, CancellationToken cancellationToken) => Guard<string?>(async () =>
        {
            if (change.Kind != OrgChangeKind.CreateGroup)
                throw new LmsConnectorException($"SkyPrep has no departments, so '{change}' cannot be applied; map departments to groups instead.", 0, false, false);
            var group = await _client.CreateGroupAsync(change.Name, cancellationToken).ConfigureAwait(false);
            return SkyPrepFields.Id(group.Id);
        }, cancellationToken);

        public Task<string> ApplyAsync(PlanRow row, IOrgIdResolver orgIds, CancellationToken cancellationToken) => Guard(async () =>
        {
            var joins = RowOrg.JoinIds(row, orgIds).Select(id => SkyPrepFields.Id(id, "group")).ToList();
            var leaves = RowOrg.LeaveIds(row, orgIds).Select(id => SkyPrepFields.Id(id, "group")).ToList();
            var fields = SkyPrepFields.From(row.Changes, Catalog);
            long userId;
            if (row.Action == PlanAction.Create)
            {
                userId = (await _client.CreateUserAsync(fields, row.SendWelcomeEmail, cancellationToken).ConfigureAwait(false)).Id;
            }
            else
            {
                userId = SkyPrepFields.Id(RowOrg.ExistingId(row), "user");
                if (row.Action == PlanAction.Reactivate) await _client.ReactivateUserAsync(userId, cancellationToken).ConfigureAwait(false);
                if (row.Changes.Count > 0) await _client.UpdateUserAsync(userId, fields, cancellationToken).ConfigureAwait(false);
            }
            foreach (var group in joins) await _client.AddUserToGroupAsync(group, userId, cancellationToken).ConfigureAwait(false);
            foreach (var group in leaves) await _client.RemoveUserFromGroupAsync(group, userId, cancellationToken).ConfigureAwait(false);
            if (row.Action == PlanAction.Deactivate) await _client.DeactivateUserAsync(userId, cancellationToken).ConfigureAwait(false);
            return SkyPrepFields.Id(userId);
        }, cancellationToken);

        public IReadOnlyList<PayloadPreview> Preview(PlanRow row, IOrgIdResolver orgIds) =>
            ConnectorErrors.Guard(Lms, CredentialHint, () => PreviewRequests(row, orgIds));

        public void Dispose() => _client.Dispose();

        private IReadOnlyList<PayloadPreview> PreviewRequests(PlanRow row, IOrgIdResolver orgIds)
        {
            var requests = new List<PayloadPreview>();
            var fields = SkyPrepFields.From(row.Changes, Catalog);
            // A new user's id is only known once SkyPrep answers; 0 stands for it in the membership calls.
            long userId = 0;
            if (row.Action == PlanAction.Create)
            {
                requests.Add(Form("create_user", _client.CreateUserParameters(fields, row.SendWelcomeEmail)));
            }
            else
            {
                userId = SkyPrepFields.Id(RowOrg.ExistingId(row), "user");
                if (row.Action == PlanAction.Reactivate) requests.Add(Form(_client.SetActiveRequest(userId, true)));
                if (row.Changes.Count > 0) requests.Add(Form("update_user", _client.UpdateUserParameters(userId, fields)));
            }
            foreach (var group in RowOrg.JoinIds(row, orgIds))
                requests.Add(Form(_client.Options.Names.AddUsersToGroupMethod, _client.MembershipParameters(SkyPrepFields.Id(group, "group"), userId)));
            foreach (var group in RowOrg.LeaveIds(row, orgIds))
                requests.Add(Form(_client.Options.Names.RemoveUsersFromGroupMethod, _client.MembershipParameters(SkyPrepFields.Id(group, "group"), userId)));
            if (row.Action == PlanAction.Deactivate) requests.Add(Form(_client.SetActiveRequest(userId, false)));
            return requests;
        }

        private PayloadPreview Form((string Method, SkyPrepParameters Parameters) call) => Form(call.Method, call.Parameters);

        private PayloadPreview Form(string method, SkyPrepParameters parameters) =>
            new PayloadPreview("POST", "/admin/api/" + Uri.EscapeDataString(method), _client.PreviewBody(parameters), "application/x-www-form-urlencoded");

        /// <summary>Every SkyPrep call is a POST; the method name says whether it reads.</summary>
        private static bool IsRead(HttpRequestMessage request)
        {
            var method = CallCountingHandler.LastSegment(request);
            return method.StartsWith("get_", StringComparison.Ordinal) || method == "test_connection";
        }

        private static Task Guard(Func<Task> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);

        private static Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);
    }
}
