using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    public sealed partial class ISpringClient
    {
        /// <summary>All users (or those matching <paramref name="query"/>), streamed from <c>GET /users/v2</c> page by page.</summary>
        public ISpringPageReader<ISpringUser> ReadUsers(ISpringUserQuery? query = null)
        {
            var filters = query == null ? "" :
                QueryList("departments", query.DepartmentIds) + QueryList("groups", query.GroupIds) + QueryList("logins", query.Logins)
                + QueryList("emails", query.Emails) + QueryList("userIds", query.UserIds);
            return new ISpringPageReader<ISpringUser>((token, ct) =>
                _http.GetPageAsync("/users/v2?pageSize=" + _options.PageSize + filters + PageToken(token), "userProfiles", ISpringStreamReader.User, ct));
        }

        public async Task<ISpringUser> GetUserAsync(string userId, CancellationToken cancellationToken = default)
        {
            var body = await _http.GetAsync(Path("/user/{0}", userId), cancellationToken).ConfigureAwait(false);
            return Read(() => ISpringWireReader.User(ISpringWireReader.Unwrap(body, "userId")), "GET /user/{id}");
        }

        /// <summary>The user with this email (unique in iSpring), or null.</summary>
        public Task<ISpringUser?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
        {
            var query = new ISpringUserQuery();
            query.Emails.Add(email);
            return FindOneAsync(query, cancellationToken);
        }

        /// <summary>The user with this login (unique in iSpring), or null.</summary>
        public Task<ISpringUser?> FindByLoginAsync(string login, CancellationToken cancellationToken = default)
        {
            var query = new ISpringUserQuery();
            query.Logins.Add(login);
            return FindOneAsync(query, cancellationToken);
        }

        /// <summary>
        /// Users whose Salesforce Id field holds <paramref name="salesforceId"/> (<c>POST /user/list</c> with a profile-field
        /// filter). Several are possible (the field is not unique): the caller decides. Empty when no field is configured.
        /// </summary>
        public Task<IReadOnlyList<ISpringUser>> FindBySalesforceIdAsync(string salesforceId, CancellationToken cancellationToken = default) =>
            FindBySalesforceIdsAsync(new[] { salesforceId }, cancellationToken);

        /// <summary>
        /// Users whose Salesforce Id field holds any of <paramref name="salesforceIds"/>, in one <c>POST /user/list</c>
        /// (the filter takes a list of values). Empty when no field is configured.
        /// </summary>
        public async Task<IReadOnlyList<ISpringUser>> FindBySalesforceIdsAsync(IReadOnlyCollection<string> salesforceIds, CancellationToken cancellationToken = default)
        {
            var field = await ResolveSalesforceIdFieldAsync(cancellationToken).ConfigureAwait(false);
            if (field == null || salesforceIds.Count == 0) return System.Array.Empty<ISpringUser>();
            var request = new JObject { ["profileFields"] = new JArray(new JObject { ["name"] = field, ["values"] = Array(salesforceIds) }) };
            var body = Object(await _http.PostReadAsync("/user/list", request, cancellationToken).ConfigureAwait(false), "POST /user/list");
            var users = (body["userProfiles"] as JArray ?? new JArray()).OfType<JObject>().Select(o => Read(() => ISpringWireReader.User(o), "POST /user/list")).ToList();
            // Exact match only: the server's comparison of field values is not documented.
            var wanted = new HashSet<string>(salesforceIds, StringComparer.Ordinal);
            return users.Where(u => u.Field(field) is string value && wanted.Contains(value.Trim())).ToList();
        }

        /// <summary>The Salesforce Id kept in the configured field, or null.</summary>
        public async Task<string?> GetSalesforceIdAsync(ISpringUser user, CancellationToken cancellationToken = default)
        {
            var field = await ResolveSalesforceIdFieldAsync(cancellationToken).ConfigureAwait(false);
            return field == null ? null : user.Field(field);
        }

        /// <summary>
        /// <c>POST /user</c>; returns the new user's id. The welcome email is switched explicitly by
        /// <see cref="ISpringNewUser.SendLoginEmail"/>. Not retried on failure (a lost answer may mean it was created):
        /// look the user up by login before trying again.
        /// </summary>
        public async Task<string> CreateUserAsync(ISpringNewUser user, CancellationToken cancellationToken = default)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            CreateUserBody(user, new JObject()); // refuses what iSpring would refuse before resolving anything
            var fields = await FieldsAsync(user.Fields, user.SalesforceId, cancellationToken).ConfigureAwait(false);
            return await _http.CreateAsync("/user", CreateUserBody(user, fields), "userId", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The <c>POST /user</c> body for <paramref name="user"/> with its <c>fields</c> object already built; shared by
        /// <see cref="CreateUserAsync"/> and payload previews so both show the same request.
        /// </summary>
        internal JObject CreateUserBody(ISpringNewUser user, JObject fields)
        {
            if (string.IsNullOrWhiteSpace(user.DepartmentId)) throw new ArgumentException("iSpring needs a department for every user: set DepartmentId.", nameof(user));
            if (!user.Fields.TryGetValue("login", out var login) || string.IsNullOrWhiteSpace(login)) throw new ArgumentException("iSpring needs a login for every user: set Fields[\"login\"].", nameof(user));
            var invitation = string.IsNullOrWhiteSpace(user.InvitationMessage) ? _options.DefaultInvitationMessage : user.InvitationMessage;
            if (user.SendLoginEmail && string.IsNullOrWhiteSpace(invitation))
                throw new ArgumentException("iSpring requires an invitation message with the welcome email: set InvitationMessage or ISpringClientOptions.DefaultInvitationMessage.", nameof(user));
            var body = new JObject
            {
                ["departmentId"] = user.DepartmentId,
                ["fields"] = fields,
                ["sendLoginEmail"] = user.SendLoginEmail,
            };
            if (user.SendLoginEmail) body["invitationMessage"] = invitation;
            if (!string.IsNullOrEmpty(user.Role)) body["role"] = user.Role;
            if (user.GroupIds.Count > 0) body["groupIds"] = Array(user.GroupIds);
            return body;
        }

        /// <summary><c>POST /user/{id}</c> with only what is set (fields, department, role).</summary>
        public async Task UpdateUserAsync(string userId, ISpringUserUpdate update, CancellationToken cancellationToken = default)
        {
            if (update == null) throw new ArgumentNullException(nameof(update));
            if (update.IsEmpty) return;
            var fields = update.Fields.Count > 0 || update.SalesforceId != null ? await FieldsAsync(update.Fields, update.SalesforceId, cancellationToken).ConfigureAwait(false) : null;
            await _http.PostAsync(UserPath(userId), UpdateUserBody(update, fields), idempotent: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The <c>POST /user/{id}</c> body: only what is set. Shared with payload previews.</summary>
        internal static JObject UpdateUserBody(ISpringUserUpdate update, JObject? fields)
        {
            var body = new JObject();
            if (update.DepartmentId != null) body["departmentId"] = update.DepartmentId;
            if (update.Role != null) body["role"] = update.Role;
            if (fields != null) body["fields"] = fields;
            return body;
        }

        /// <summary>The <c>fields</c> object of a write, without the Salesforce Id (see <see cref="FieldsAsync"/>).</summary>
        internal static JObject FieldsObject(IDictionary<string, string> fields)
        {
            var result = new JObject();
            foreach (var f in fields) result[f.Key] = f.Value ?? "";
            return result;
        }

        internal static string UserPath(string userId) => Path("/user/{0}", userId);

        internal static string StatusPath(string userId) => Path("/user/{0}/status", userId);

        internal static JObject StatusBody(ISpringUserStatus status) => new JObject { ["status"] = (int)status };

        /// <summary>Status 3: the user can no longer sign in; all records are kept.</summary>
        public Task DeactivateUserAsync(string userId, CancellationToken cancellationToken = default) =>
            SetStatusAsync(userId, ISpringUserStatus.Inactive, cancellationToken);

        /// <summary>Status 1 again.</summary>
        public Task ReactivateUserAsync(string userId, CancellationToken cancellationToken = default) =>
            SetStatusAsync(userId, ISpringUserStatus.Active, cancellationToken);

        /// <summary><c>POST /user/{id}/status</c> <c>{"status": 1|3|5}</c>.</summary>
        public Task SetStatusAsync(string userId, ISpringUserStatus status, CancellationToken cancellationToken = default) =>
            _http.PostAsync(StatusPath(userId), StatusBody(status), idempotent: true, cancellationToken);

        /// <summary><c>POST /users/deactivate</c> <c>{userIds}</c>, in batches of <see cref="ISpringClientOptions.BulkBatchSize"/>.</summary>
        public Task DeactivateUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
            BulkStatusAsync("/users/deactivate", userIds, cancellationToken);

        /// <summary><c>POST /users/activate</c> <c>{userIds}</c>, in batches.</summary>
        public Task ActivateUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
            BulkStatusAsync("/users/activate", userIds, cancellationToken);

        /// <summary>The account's profile fields (<c>GET /user/profile/fields</c>), custom ones included.</summary>
        public async Task<IReadOnlyList<ISpringProfileField>> GetProfileFieldsAsync(CancellationToken cancellationToken = default)
        {
            var body = ArrayOf(await _http.GetAsync("/user/profile/fields", cancellationToken).ConfigureAwait(false), "GET /user/profile/fields");
            return body.OfType<JObject>().Select(o => Read(() => ISpringWireReader.ProfileField(o), "GET /user/profile/fields")).ToList();
        }

        /// <summary>
        /// The iSpring name of the Salesforce Id field configured in <see cref="ISpringClientOptions.SalesforceIdField"/>
        /// (given as name or label), checked against the account's catalogue once; null when none is configured.
        /// </summary>
        public async Task<string?> ResolveSalesforceIdFieldAsync(CancellationToken cancellationToken = default)
        {
            var wanted = _options.SalesforceIdField;
            if (string.IsNullOrWhiteSpace(wanted)) return null;
            if (_salesforceIdFieldName != null) return _salesforceIdFieldName;
            await _fieldGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_salesforceIdFieldName != null) return _salesforceIdFieldName;
                var fields = await GetProfileFieldsAsync(cancellationToken).ConfigureAwait(false);
                var match = fields.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase))
                            ?? fields.FirstOrDefault(f => string.Equals(f.Label, wanted, StringComparison.OrdinalIgnoreCase));
                if (match == null)
                    throw new InvalidOperationException($"The iSpring Learn account has no profile field named or labelled '{wanted}'. Add a custom text field for the Salesforce Id in iSpring Learn (Users → Profile fields), or leave SalesforceIdField empty. Fields found: {string.Join(", ", fields.Select(f => f.ToString()))}.");
                return _salesforceIdFieldName = match.Name;
            }
            finally
            {
                _fieldGate.Release();
            }
        }

        private async Task<ISpringUser?> FindOneAsync(ISpringUserQuery query, CancellationToken cancellationToken)
        {
            var page = await ReadUsers(query).ReadPageAsync(cancellationToken).ConfigureAwait(false);
            return page?.FirstOrDefault();
        }

        private async Task BulkStatusAsync(string path, IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            foreach (var batch in Batches(userIds, _options.BulkBatchSize))
                await _http.PostAsync(path, new JObject { ["userIds"] = Array(batch) }, idempotent: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The object form of <c>fields</c> (what the spec models for writes), with the Salesforce Id in its field.</summary>
        private async Task<JObject> FieldsAsync(IDictionary<string, string> fields, string? salesforceId, CancellationToken cancellationToken)
        {
            var result = FieldsObject(fields);
            if (salesforceId != null)
            {
                var field = await ResolveSalesforceIdFieldAsync(cancellationToken).ConfigureAwait(false)
                            ?? throw new InvalidOperationException("A Salesforce Id was given but no SalesforceIdField is configured; set ISpringClientOptions.SalesforceIdField to the custom profile field that holds it.");
                result[field] = salesforceId;
            }
            return result;
        }
    }
}
