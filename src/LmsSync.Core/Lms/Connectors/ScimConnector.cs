using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Sync;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// A SCIM 2.0 service behind <see cref="ILmsConnector"/>. Canonical field names are SCIM attribute paths
    /// (<see cref="LmsFieldCatalog.Scim"/>), which the client writes as they are; <c>externalId</c> keeps the
    /// Salesforce Id. Updates are PATCHes computed against the user as last read (kept from <see cref="ReadAsync"/>),
    /// so a preview shows exactly the operations apply sends. When the service offers <c>/Bulk</c>, many rows go in
    /// batches (ScimConnector.Batch.cs). An incremental run looks up only the users it needs with <c>or</c>-chained
    /// filters (<see cref="ILmsLookupConnector"/>).
    /// </summary>
    public sealed partial class ScimConnector : ILmsConnector, ILmsLookupConnector, IAdaptiveLmsConnector
    {
        /// <summary>Terms per lookup filter (fewer when the service's filter.maxResults is lower), so one page usually answers it.</summary>
        internal const int LookupChunk = 50;

        /// <summary>Characters of filter text per request (before URL encoding roughly doubles the quotes and spaces).</summary>
        internal const int LookupFilterBudget = 2000;

        internal const string Lms = "The SCIM service";
        internal const string CredentialHint = "Check the SCIM bearer token (issue a new one in the LMS if it was revoked or has expired).";
        private const string ScimJsonType = "application/scim+json";
        private const string ExternalId = "externalId";

        /// <summary>The catalog's fields, read out of each user as a list read streams it (paths parsed once).</summary>
        private static readonly ScimFieldSet CatalogFields = new ScimFieldSet(LmsFieldCatalog.Scim.Fields.Select(f => f.Name));

        private readonly ScimClientOptions _clientOptions;
        private readonly ScimConnectorOptions _options;
        private readonly ScimClient _client;
        // The users as last read: the base an update's PATCH is computed against (the client re-reads on a 412). New with
        // each read, which only lists them.
        private volatile ScimUserBases _lastRead = ScimUserBases.Empty();
        // What the service offers (bulk limits), known once CheckAsync or ReadAsync has run.
        private volatile ScimServiceProviderConfig? _config;

        public ScimConnector(ScimClientOptions clientOptions, ScimConnectorOptions? options = null)
        {
            _clientOptions = clientOptions ?? throw new ArgumentNullException(nameof(clientOptions));
            _options = options ?? new ScimConnectorOptions();
            clientOptions.InnerHandler = new CallCountingHandler(Calls, CallCountingHandler.ByHttpMethod, clientOptions.InnerHandler ?? NetworkHandler.Create(clientOptions.MaxConcurrency));
            clientOptions.RetryPolicy = RetryCounting.Count(clientOptions.RetryPolicy, Calls);
            _client = new ScimClient(clientOptions);
            var defaults = LmsCapabilities.For(LmsKind.Scim);
            Capabilities = new LmsCapabilities(defaults.Kind, defaults.SupportsDepartments, defaults.RequiresDepartment, defaults.SupportsGroups,
                defaults.GroupMembershipMode, defaults.SalesforceIdField, supportsWelcomeEmail: _client.CanControlWelcomeEmail, defaults.MaxRequestsPerMinute);
        }

        public LmsCapabilities Capabilities { get; }
        public LmsFieldCatalog Catalog => LmsFieldCatalog.Scim;
        public int MaxConcurrency => _clientOptions.MaxConcurrency;

        public AdaptiveConcurrencyLimit Concurrency => _client.Concurrency;

        public LmsCallCounters Calls { get; } = new LmsCallCounters();

        public Task CheckAsync(CancellationToken cancellationToken) => Guard(async () =>
        {
            _config = await _client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            // The service config may be public; counting users needs the token.
            await _client.CountUsersAsync(null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

        public Task<LmsSnapshot> ReadAsync(IProgress<int>? usersRead, CancellationToken cancellationToken) => Guard(async () =>
        {
            var organisation = await ReadOrganisationAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAllUsersAsync(organisation, usersRead, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

        /// <summary>
        /// <c>GET /Users?filter=</c> with <c>id eq … or externalId eq … or emails.value eq … or userName eq …</c> chains
        /// (values quoted per RFC 7644), chunked to the filter budget and filter.maxResults, each chunk paged like any
        /// list, up to <see cref="MaxConcurrency"/> at once. A service that says it cannot filter is read whole, as is everyone
        /// when <see cref="LmsLookup.ReadsEveryone"/>.
        /// </summary>
        public async Task<LmsSnapshot> ReadMatchingAsync(Task<LmsLookup> lookup, CancellationToken cancellationToken)
        {
            // Observed from the start: should the keys or the lookups fail first, its failure is not left unobserved.
            var organisation = Guard(() => ReadOrganisationAsync(cancellationToken), cancellationToken).ObserveFaults();
            var keys = await lookup.ConfigureAwait(false);
            return await Guard(async () =>
            {
                var config = await _client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
                if (keys.ReadsEveryone || !config.FilterSupported)
                    return await ReadAllUsersAsync(await organisation.ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
                var terms = keys.LmsIds.Select(v => ScimFilter.Equal("id", v))
                    .Concat(keys.SalesforceIds.Select(v => ScimFilter.Equal(ExternalId, v)))
                    .Concat(keys.Emails.Select(v => ScimFilter.Equal("emails.value", v)))
                    .Concat(keys.Logins.Select(v => ScimFilter.Equal("userName", v)));
                var perFilter = Math.Max(1, Math.Min(LookupChunk, config.FilterMaxResults ?? LookupChunk));
                var calls = LookupChunks.Split(terms, perFilter, LookupFilterBudget, t => t.Length + 4)
                    .Select(chunk => (Func<CancellationToken, Task<IReadOnlyList<ScimListedUser>>>)(ct => ReadAllAsync(_client.ListUsers(CatalogFields, ScimFilter.Or(chunk)), ct)))
                    .ToList();
                // The lookups go out while the groups (with their members) are read: only remembering the users found needs them.
                var found = await LookupChunks.RunAsync(calls, MaxConcurrency, cancellationToken).ConfigureAwait(false);
                var org = await organisation.ConfigureAwait(false);
                var listed = new List<ScimUser>(found.Count);
                _lastRead = new ScimUserBases(listed);
                var users = new Dictionary<string, LmsUser>(StringComparer.Ordinal);
                foreach (var user in found)
                    if (!users.ContainsKey(user.User.Id)) users[user.User.Id] = Remembered(user, org, listed);
                return new LmsSnapshot(users.Values.ToList(), org.Groups, usersComplete: false);
            }, cancellationToken).ConfigureAwait(false);
        }

        private async Task<LmsSnapshot> ReadAllUsersAsync(ScimOrganisation organisation, IProgress<int>? usersRead, CancellationToken cancellationToken)
        {
            var users = new List<LmsUser>();
            var listed = new List<ScimUser>();
            _lastRead = new ScimUserBases(listed);
            var reader = _client.ListUsers(CatalogFields);
            IReadOnlyList<ScimListedUser>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
            {
                if (users.Count == 0)
                {
                    // The first page tells how many there are: a hint (the list may change while it is read), and one
                    // believed only so far.
                    users.Capacity = listed.Capacity = Math.Min(Math.Max(reader.TotalResults ?? 0, page.Count), MaxPresized);
                }
                foreach (var user in page) users.Add(Remembered(user, organisation, listed));
                usersRead?.Report(users.Count);
            }
            return new LmsSnapshot(users, organisation.Groups);
        }

        /// <summary>The most users a read makes room for at once, whatever the service announces.</summary>
        private const int MaxPresized = 1 << 20;

        /// <summary>Every group with its members (SCIM users carry no reliable group list), and who the administrators are.</summary>
        private async Task<ScimOrganisation> ReadOrganisationAsync(CancellationToken cancellationToken)
        {
            // Read the service config too, so CanBatch knows whether /Bulk is on offer.
            _config = await _client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var groups = await ReadAllAsync(_client.ListGroups(includeMembers: true), cancellationToken).ConfigureAwait(false);
            var groupsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var group in groups)
                foreach (var member in group.MemberIds)
                {
                    if (!groupsOf.TryGetValue(member, out var list)) groupsOf[member] = list = new List<string>();
                    list.Add(group.Id);
                }
            var adminGroup = _options.AdministratorGroup == null ? null
                : groups.FirstOrDefault(g => string.Equals(g.DisplayName, _options.AdministratorGroup, StringComparison.OrdinalIgnoreCase));
            var admins = new HashSet<string>(adminGroup?.MemberIds ?? (IEnumerable<string>)new string[0], StringComparer.Ordinal);
            return new ScimOrganisation(groups.Select(g => new LmsGroup(g.Id, g.DisplayName)).ToList(), groupsOf, admins);
        }

        /// <summary>The user as the sync sees it; the resource (kept compact by the list read) is the base of a later PATCH.</summary>
        private LmsUser Remembered(ScimListedUser listed, ScimOrganisation organisation, List<ScimUser> bases)
        {
            var user = listed.User;
            bases.Add(user);
            return ToLmsUser(listed, organisation.GroupsOf.TryGetValue(user.Id, out var ids) ? ids : null, organisation.Admins.Contains(user.Id));
        }

        private sealed class ScimOrganisation
        {
            public ScimOrganisation(IReadOnlyList<LmsGroup> groups, Dictionary<string, List<string>> groupsOf, HashSet<string> admins)
            {
                Groups = groups;
                GroupsOf = groupsOf;
                Admins = admins;
            }

            public IReadOnlyList<LmsGroup> Groups { get; }
            public Dictionary<string, List<string>> GroupsOf { get; }
            public HashSet<string> Admins { get; }
        }

        public Task<string?> ApplyAsync(OrgChange change, CancellationToken cancellationToken) => Guard<string?>(async () =>
        {
            if (change.Kind != OrgChangeKind.CreateGroup)
                throw new LmsConnectorException($"SCIM has no departments as org units, so '{change}' cannot be applied; map the department to enterprise.department.", 0, false, false);
            return (await _client.CreateGroupAsync(change.Name, null, cancellationToken).ConfigureAwait(false)).Id;
        }, cancellationToken);

        public Task<string> ApplyAsync(PlanRow row, IOrgIdResolver orgIds, CancellationToken cancellationToken) => Guard(async () =>
        {
            var joins = RowOrg.JoinIds(row, orgIds);
            var leaves = RowOrg.LeaveIds(row, orgIds);
            var id = await WriteUserAsync(row, cancellationToken).ConfigureAwait(false);
            foreach (var group in joins) await _client.JoinGroupAsync(group, id, cancellationToken).ConfigureAwait(false);
            foreach (var group in leaves) await _client.LeaveGroupAsync(group, id, cancellationToken).ConfigureAwait(false);
            if (row.Action == PlanAction.Deactivate) Remember(await _client.DeactivateUserAsync(id, cancellationToken).ConfigureAwait(false));
            return id;
        }, cancellationToken);

        /// <summary>The row's own user write, alone: the create, or the reactivation and field changes. Returns the user's id.</summary>
        private async Task<string> WriteUserAsync(PlanRow row, CancellationToken cancellationToken)
        {
            if (row.Action == PlanAction.Create)
            {
                var created = await _client.CreateUserAsync(NewUser(row), row.SendWelcomeEmail, cancellationToken).ConfigureAwait(false);
                _lastRead.Table[created.Id] = created;
                return created.Id;
            }
            var id = RowOrg.ExistingId(row);
            if (row.Action == PlanAction.Reactivate) Remember(await _client.ReactivateUserAsync(id, cancellationToken).ConfigureAwait(false));
            if (row.Changes.Count > 0)
            {
                var current = await CurrentAsync(id, cancellationToken).ConfigureAwait(false);
                Remember(await _client.UpdateUserAsync(current, Changes(row), cancellationToken).ConfigureAwait(false));
            }
            return id;
        }

        public IReadOnlyList<PayloadPreview> Preview(PlanRow row, IOrgIdResolver orgIds) =>
            ConnectorErrors.Guard(Lms, CredentialHint, () => PreviewRequests(row, orgIds));

        public void Dispose() => _client.Dispose();

        private IReadOnlyList<PayloadPreview> PreviewRequests(PlanRow row, IOrgIdResolver orgIds)
        {
            var requests = new List<PayloadPreview>();
            string id;
            if (row.Action == PlanAction.Create)
            {
                requests.Add(Request("POST", "Users", _client.CreateUserBody(NewUser(row), row.SendWelcomeEmail)));
                // The new user's id is only known once the service answers.
                id = "{new user id}";
            }
            else
            {
                id = RowOrg.ExistingId(row);
                if (row.Action == PlanAction.Reactivate) requests.Add(Request("PATCH", UserPath(id), _client.ActiveBody(true)));
                if (row.Changes.Count > 0)
                {
                    var operations = _lastRead.Table.TryGetValue(id, out var current)
                        ? Changes(row).ToPatch(current.Resource)
                        : Changes(row).ToPatch(new JObject());
                    if (operations.Count > 0) requests.Add(Request("PATCH", UserPath(id), ScimPatchOperation.Message(operations)));
                }
            }
            foreach (var group in RowOrg.JoinIds(row, orgIds))
                requests.Add(Request("PATCH", GroupPath(group), ScimPatchOperation.Message(new[] { ScimClient.AddMembers(new[] { id }) })));
            foreach (var group in RowOrg.LeaveIds(row, orgIds))
                requests.Add(Request("PATCH", GroupPath(group), ScimPatchOperation.Message(ScimClient.RemoveMembers(new[] { id }))));
            if (row.Action == PlanAction.Deactivate) requests.Add(Request("PATCH", UserPath(id), _client.ActiveBody(false)));
            return requests;
        }

        private static ScimNewUser NewUser(PlanRow row)
        {
            var userName = row.Changes.FirstOrDefault(c => string.Equals(c.Field, "userName", StringComparison.OrdinalIgnoreCase))?.New;
            if (string.IsNullOrWhiteSpace(userName))
                throw new LmsConnectorException("A SCIM user needs a userName; map one (by default it is the Salesforce email).", 0, false, false);
            var user = new ScimNewUser(userName!);
            foreach (var change in row.Changes)
            {
                if (change.New == null || string.Equals(change.Field, "userName", StringComparison.OrdinalIgnoreCase)) continue;
                if (string.Equals(change.Field, ExternalId, StringComparison.OrdinalIgnoreCase)) user.ExternalId = change.New;
                else user.Set(change.Field, change.New);
            }
            return user;
        }

        private static ScimUserChanges Changes(PlanRow row)
        {
            var changes = new ScimUserChanges();
            foreach (var change in row.Changes) changes.Set(change.Field, change.New);
            return changes;
        }

        private async Task<ScimUser> CurrentAsync(string id, CancellationToken cancellationToken)
        {
            if (_lastRead.Table.TryGetValue(id, out var known)) return known;
            var read = await _client.GetUserAsync(id, cancellationToken).ConfigureAwait(false)
                       ?? throw new LmsConnectorException($"The SCIM user {id} no longer exists; read the LMS again.", 404, false, false);
            _lastRead.Table[id] = read;
            return read;
        }

        private void Remember(ScimUser? user)
        {
            if (user != null) _lastRead.Table[user.Id] = user;
        }

        /// <summary>The catalog fields were read with the user (<see cref="CatalogFields"/>, <c>externalId</c> among them), for it alone.</summary>
        private LmsUser ToLmsUser(ScimListedUser listed, IReadOnlyList<string>? groupIds, bool isAdmin)
        {
            var user = listed.User;
            listed.Fields.TryGetValue(Catalog.EmailField!, out var email);
            return new LmsUser(user.Id, user.UserName, email, user.Active, listed.Fields, null, groupIds, user.ExternalId, isAdmin);
        }

        private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(ScimPageReader<T> reader, CancellationToken cancellationToken) where T : class
        {
            var all = new List<T>();
            IReadOnlyList<T>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null) all.AddRange(page);
            return all;
        }

        private static string UserPath(string id) => "Users/" + Uri.EscapeDataString(id);

        private static string GroupPath(string id) => "Groups/" + Uri.EscapeDataString(id);

        private static PayloadPreview Request(string method, string path, JObject body) =>
            new PayloadPreview(method, path, ScimJson.Serialize(body), ScimJsonType);

        private static Task Guard(Func<Task> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);

        private static Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken) => ConnectorErrors.Guard(Lms, CredentialHint, call, cancellationToken);
    }
}
