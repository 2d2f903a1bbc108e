using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// The SkyPrep admin API (<c>POST /admin/api/&lt;method&gt;</c>) as the sync needs it: users (list, find, create,
    /// update, deactivate, reactivate) and user groups (list, create, join, leave). Throttled to the documented
    /// 100 calls a minute, one call at a time. Undocumented choices come from <see cref="SkyPrepClientOptions"/>.
    /// Every failure is a <see cref="SkyPrepException"/>.
    /// </summary>
    public sealed class SkyPrepClient : IDisposable
    {
        private const string UserEnvelope = "user";
        private const string UsersEnvelope = "users";
        private const string GroupEnvelope = "user_group";
        private const string GroupsEnvelope = "user_groups";

        private readonly SkyPrepTransport _transport;
        private readonly SkyPrepWireNames _names;

        public SkyPrepClient(SkyPrepClientOptions options) : this(options, null)
        {
        }

        /// <param name="socket">The innermost handler (tests); null = a plain HttpClientHandler.</param>
        internal SkyPrepClient(SkyPrepClientOptions options, HttpMessageHandler? socket)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _names = options.Names;
            _transport = new SkyPrepTransport(options, socket);
        }

        public SkyPrepClientOptions Options { get; }

        /// <summary><c>test_connection</c>; SkyPrep answers <c>{"message":"success"}</c> when URL and keys are right.</summary>
        public async Task TestConnectionAsync(CancellationToken cancellationToken = default)
        {
            var answer = await Call("test_connection", new SkyPrepParameters(), safe: true, cancellationToken).ConfigureAwait(false);
            var message = answer is JObject obj ? (string?)obj["message"] : null;
            if (!string.Equals(message, "success", StringComparison.OrdinalIgnoreCase))
            {
                throw new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, "test_connection", 200, SkyPrepResponseReader.MessageOf(answer),
                    "SkyPrep's test_connection did not answer 'success'. Check the SkyPrep URL, the API key and the account key.");
            }
        }

        // ---- users -------------------------------------------------------------------------------------

        /// <summary>All users, page by page (<c>get_users</c>).</summary>
        public SkyPrepPageReader<SkyPrepUser> ReadUsers() =>
            Pages("get_users", new SkyPrepParameters(), UsersEnvelope, json => SkyPrepJson.User(json, _names), u => u.Id);

        /// <summary><c>get_user</c> by id; null when SkyPrep has no such user.</summary>
        public Task<SkyPrepUser?> GetUserAsync(long userId, CancellationToken cancellationToken = default) =>
            GetUserBy(new SkyPrepParameters().With("user_id", userId), cancellationToken);

        /// <summary>The user with this email (case-insensitive), or null. By <c>get_user?user_email=</c> or a scan, per <see cref="SkyPrepClientOptions.EmailLookup"/>.</summary>
        public async Task<SkyPrepUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("An email is needed to find a SkyPrep user.", nameof(email));
            email = email.Trim();
            if (Options.EmailLookup == SkyPrepLookup.Scan)
                return await ScanAsync(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
            var user = await GetUserBy(new SkyPrepParameters().With(_names.UserEmailParameter, email), cancellationToken).ConfigureAwait(false);
            if (user != null && !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)) throw IgnoredLookup(_names.UserEmailParameter, "EmailLookup");
            return user;
        }

        /// <summary>SkyPrep's login is the email (unless the account enables usernames): the same lookup.</summary>
        public Task<SkyPrepUser?> FindUserByLoginAsync(string login, CancellationToken cancellationToken = default) =>
            FindUserByEmailAsync(login, cancellationToken);

        /// <summary>The user whose <see cref="SkyPrepWireNames.SalesforceIdField"/> holds this Salesforce Id, or null (first match on a scan).</summary>
        public async Task<SkyPrepUser?> FindUserBySalesforceIdAsync(string salesforceId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(salesforceId)) throw new ArgumentException("A Salesforce Id is needed to find a SkyPrep user by it.", nameof(salesforceId));
            salesforceId = salesforceId.Trim();
            if (Options.SalesforceIdLookup == SkyPrepLookup.Scan)
                return await ScanAsync(u => string.Equals(u.SalesforceId, salesforceId, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            var user = await GetUserBy(new SkyPrepParameters().With(_names.SalesforceIdField, salesforceId), cancellationToken).ConfigureAwait(false);
            if (user != null && !string.Equals(user.SalesforceId, salesforceId, StringComparison.Ordinal)) throw IgnoredLookup(_names.SalesforceIdField, "SalesforceIdLookup");
            return user;
        }

        /// <summary>
        /// <c>create_user</c>. The welcome email parameter is always sent, true or false, so SkyPrep's own default
        /// (the UI mails every new user) never decides for us.
        /// </summary>
        public async Task<SkyPrepUser> CreateUserAsync(SkyPrepUserFields fields, bool sendWelcomeEmail, CancellationToken cancellationToken = default)
        {
            if (fields == null) throw new ArgumentNullException(nameof(fields));
            var answer = await Call("create_user", CreateUserParameters(fields, sendWelcomeEmail), safe: false, cancellationToken).ConfigureAwait(false);
            return SkyPrepJson.User(SkyPrepJson.Record(answer, "create_user", UserEnvelope), _names);
        }

        /// <summary><c>update_user</c> with only the fields set in <paramref name="changes"/>; the user as SkyPrep returns it, or null when it returned no record.</summary>
        public async Task<SkyPrepUser?> UpdateUserAsync(long userId, SkyPrepUserFields changes, CancellationToken cancellationToken = default)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            var answer = await Call("update_user", UpdateUserParameters(userId, changes), safe: false, cancellationToken).ConfigureAwait(false);
            return RecordOrAcknowledgement(answer, "update_user", UserEnvelope) is JObject json ? SkyPrepJson.User(json, _names) : null;
        }

        /// <summary>Disables the user's login, keeping its records (what SkyPrep's own integration does), per <see cref="SkyPrepClientOptions.Deactivation"/>.</summary>
        public Task DeactivateUserAsync(long userId, CancellationToken cancellationToken = default) => SetActive(userId, false, cancellationToken);

        /// <summary>Enables the user's login again.</summary>
        public Task ReactivateUserAsync(long userId, CancellationToken cancellationToken = default) => SetActive(userId, true, cancellationToken);

        // ---- groups ------------------------------------------------------------------------------------

        /// <summary>All user groups, page by page (<c>get_user_groups</c>).</summary>
        public SkyPrepPageReader<SkyPrepGroup> ReadGroups() =>
            Pages("get_user_groups", new SkyPrepParameters(), GroupsEnvelope, SkyPrepJson.Group, g => g.Id);

        /// <summary>All user groups in one list (groups are few).</summary>
        public Task<IReadOnlyList<SkyPrepGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => ReadGroups().ReadAllAsync(cancellationToken);

        /// <summary><c>create_user_group</c>.</summary>
        public async Task<SkyPrepGroup> CreateGroupAsync(string name, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A group needs a name.", nameof(name));
            var answer = await Call("create_user_group", new SkyPrepParameters().With(_names.GroupNameParameter, name.Trim()), safe: false, cancellationToken).ConfigureAwait(false);
            return SkyPrepJson.Group(SkyPrepJson.Record(answer, "create_user_group", GroupEnvelope));
        }

        /// <summary>Adds one user to one group (membership calls are per user; a member already in stays in).</summary>
        public Task AddUserToGroupAsync(long groupId, long userId, CancellationToken cancellationToken = default) =>
            Membership(_names.AddUsersToGroupMethod, groupId, userId, cancellationToken);

        /// <summary>Removes one user from one group.</summary>
        public Task RemoveUserFromGroupAsync(long groupId, long userId, CancellationToken cancellationToken = default) =>
            Membership(_names.RemoveUsersFromGroupMethod, groupId, userId, cancellationToken);

        /// <summary>The groups a user belongs to, per <see cref="SkyPrepClientOptions.GroupsOfUser"/>; empty for an unknown user.</summary>
        public async Task<IReadOnlyList<SkyPrepGroup>> GetGroupsOfUserAsync(long userId, CancellationToken cancellationToken = default)
        {
            if (Options.GroupsOfUser == SkyPrepGroupsOfUser.GetUserGroupsFilter)
                return await Pages("get_user_groups", new SkyPrepParameters().With("user_id", userId), GroupsEnvelope, SkyPrepJson.Group, g => g.Id)
                    .ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var user = await GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
            if (user == null) return Array.Empty<SkyPrepGroup>();
            return user.Groups ?? throw new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, "get_user", 200, null,
                $"SkyPrep's get_user answer has no '{_names.UserGroupsField}' field. Set the SkyPrep option GroupsOfUser to GetUserGroupsFilter (or fix Names.UserGroupsField).");
        }

        public void Dispose() => _transport.Dispose();

        // ---- plumbing ----------------------------------------------------------------------------------

        private Task<JToken> Call(string method, SkyPrepParameters parameters, bool safe, CancellationToken cancellationToken) =>
            _transport.CallAsync(method, parameters, safe, cancellationToken);

        private SkyPrepPageReader<T> Pages<T>(string method, SkyPrepParameters filter, string envelope, Func<JObject, T> parse, Func<T, long> idOf)
        {
            var paged = Options.Paging == SkyPrepPaging.PagePerPage;
            var pageSize = Options.PageSize;
            async Task<IReadOnlyList<T>> Fetch(int page, CancellationToken token)
            {
                var parameters = new SkyPrepParameters();
                parameters.AddRange(filter);
                if (paged) parameters.With(_names.PageParameter, page).With(_names.PerPageParameter, pageSize);
                var answer = await Call(method, parameters, safe: true, token).ConfigureAwait(false);
                return SkyPrepJson.List(answer, method, envelope).Select(parse).ToList();
            }
            return new SkyPrepPageReader<T>(Fetch, idOf, pageSize, paged);
        }

        private async Task<SkyPrepUser?> GetUserBy(SkyPrepParameters parameters, CancellationToken cancellationToken)
        {
            JToken answer;
            try
            {
                answer = await Call("get_user", parameters, safe: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SkyPrepException e) when (e.Kind == SkyPrepErrorKind.NotFound)
            {
                return null;
            }
            return SkyPrepJson.User(SkyPrepJson.Record(answer, "get_user", UserEnvelope), _names);
        }

        private async Task<SkyPrepUser?> ScanAsync(Func<SkyPrepUser, bool> match, CancellationToken cancellationToken)
        {
            var reader = ReadUsers();
            IReadOnlyList<SkyPrepUser>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
            {
                var found = page.FirstOrDefault(match);
                if (found != null) return found;
            }
            return null;
        }

        private async Task SetActive(long userId, bool active, CancellationToken cancellationToken)
        {
            var (method, parameters) = SetActiveRequest(userId, active);
            var answer = await Call(method, parameters, safe: false, cancellationToken).ConfigureAwait(false);
            RecordOrAcknowledgement(answer, method, UserEnvelope);
        }

        // ---- request builders, shared by the calls above and by payload previews ----------------------

        internal SkyPrepParameters CreateUserParameters(SkyPrepUserFields fields, bool sendWelcomeEmail) =>
            new SkyPrepParameters().WithUser(fields, _names).With(_names.WelcomeEmailParameter, sendWelcomeEmail);

        internal SkyPrepParameters UpdateUserParameters(long userId, SkyPrepUserFields changes) =>
            new SkyPrepParameters().With("user_id", userId).WithUser(changes, _names);

        internal SkyPrepParameters MembershipParameters(long groupId, long userId) =>
            new SkyPrepParameters().With(_names.GroupIdParameter, groupId).With(_names.MembershipUserIdsParameter, userId);

        /// <summary>The form body as it would be sent, with the API key shown as <c>***</c>.</summary>
        internal string PreviewBody(SkyPrepParameters parameters) => _transport.PreviewBody(parameters);

        internal (string Method, SkyPrepParameters Parameters) SetActiveRequest(long userId, bool active)
        {
            string method;
            var parameters = new SkyPrepParameters().With("user_id", userId);
            switch (Options.Deactivation)
            {
                case SkyPrepDeactivation.DisabledFlag:
                    method = "update_user";
                    parameters.With(_names.DisabledParameter, !active);
                    break;
                case SkyPrepDeactivation.DedicatedMethods:
                    method = active ? _names.ReactivateMethod : _names.DeactivateMethod;
                    break;
                default:
                    method = "update_user";
                    parameters.With(_names.StatusParameter, active ? _names.ActiveStatusValue : _names.InactiveStatusValue);
                    break;
            }
            return (method, parameters);
        }

        private async Task Membership(string method, long groupId, long userId, CancellationToken cancellationToken)
        {
            var answer = await Call(method, MembershipParameters(groupId, userId), safe: false, cancellationToken).ConfigureAwait(false);
            RecordOrAcknowledgement(answer, method, GroupEnvelope);
        }

        /// <summary>
        /// A write's answer: a record, or an acknowledgement. An object that reports failure with status 200
        /// (<c>error</c>/<c>errors</c>, or <c>success: false</c>) is an error, not an acknowledgement.
        /// </summary>
        private static JObject? RecordOrAcknowledgement(JToken answer, string method, string envelope)
        {
            if (answer is JObject obj)
            {
                var failed = obj["error"] != null || obj["errors"] != null || SkyPrepJson.Bool(obj["success"]) == false;
                if (!failed) return obj["id"] != null ? obj : obj[envelope] as JObject;
                var said = SkyPrepResponseReader.MessageOf(obj);
                throw new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, method, 200, said,
                    $"SkyPrep reported a failure of {method} with status 200: '{said}'. Fix what it names and run again.");
            }
            return null;
        }

        private static SkyPrepException IgnoredLookup(string parameter, string option) =>
            new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, "get_user", 200, null,
                $"SkyPrep's get_user returned a different user than asked for by '{parameter}': this account seems to ignore that parameter. " +
                $"Set the SkyPrep option {option} to Scan.");
    }
}
