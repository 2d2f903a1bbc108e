using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    public sealed partial class ScimClient
    {
        /// <summary>
        /// Every user (or those a filter selects), page by page: nothing is loaded whole. Reading every user, the
        /// pages after the first are fetched up to <see cref="ScimClientOptions.MaxConcurrency"/> at once (their <c>startIndex</c> is known
        /// from the first page); filtered reads stay one page at a time, since callers already run several filters at once.
        /// </summary>
        public ScimPageReader<ScimUser> ListUsers(string? filter = null) =>
            new ScimPageReader<ScimUser>(this, "Users", filter, null, reader => ScimStreamReader.User(reader, ScimFieldSet.None).User, u => u.Id, UserConcurrency(filter));

        /// <summary>
        /// As <see cref="ListUsers"/>, with <paramref name="fields"/> read out of each user as it is read. Reading every user,
        /// the service is asked for only the attributes the fields need (<see cref="ScimFieldSet.Attributes"/>): a
        /// 100,000-user read then carries and parses no <c>groups</c> and no <c>meta</c> but its version. Filtered reads
        /// (lookups of a few users) ask for everything: their filters already fill the URL. Equal values are shared across
        /// the users of the read (<see cref="ScimValueSharing"/>).
        /// </summary>
        internal ScimPageReader<ScimListedUser> ListUsers(ScimFieldSet fields, string? filter = null)
        {
            var sharing = new ScimValueSharing();
            return new ScimPageReader<ScimListedUser>(this, "Users", filter, filter == null && fields.Attributes != null ? "attributes=" + Uri.EscapeDataString(fields.Attributes) : null,
                reader => ScimStreamReader.User(reader, fields, sharing), u => u.User.Id, UserConcurrency(filter));
        }

        /// <summary>
        /// Pages asked for at once: for a whole-user read <see cref="ScimClientOptions.MaxConcurrency"/> (the gate's limit
        /// decides how many are on the wire; the page reader's flow control stops asking while two arrived pages wait).
        /// Measured on 100k users with pages streamed (docs/performance.md): 16 ahead read in 7.4–7.6 s what 4 ahead read in
        /// 9.2–10.6 s, at the same peak memory (with each page parsed into a tree, 16 ahead had doubled the peak).
        /// </summary>
        private int UserConcurrency(string? filter) => filter == null ? _options.MaxConcurrency : 1;

        /// <summary>How many users there are (or match a filter), with <c>count=0</c>.</summary>
        public Task<int> CountUsersAsync(string? filter = null, CancellationToken cancellationToken = default) =>
            CountAsync("Users", filter, cancellationToken);

        /// <summary>One user by id; null when there is none.</summary>
        public async Task<ScimUser?> GetUserAsync(string id, CancellationToken cancellationToken = default)
        {
            var found = await GetAsync("Users", id, cancellationToken).ConfigureAwait(false);
            return found == null ? null : new ScimUser(found.Value.Resource, found.Value.Version);
        }

        /// <summary>
        /// The user with this userName (<c>userName eq</c>, which RFC 7643 makes case-insensitive), or null.
        /// </summary>
        public async Task<ScimUser?> FindUserByUserNameAsync(string userName, CancellationToken cancellationToken = default)
        {
            var found = await SearchAsync("Users", ScimFilter.Equal("userName", userName), 2, cancellationToken).ConfigureAwait(false);
            var users = found.Select(r => new ScimUser(r, null)).ToList();
            if (users.Count > 1) users = users.Where(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (users.Count > 1) throw new ScimException("GET /Users", 200, null, null, $"The SCIM service returned {users.Count} users for userName '{userName}', which must be unique. Fix the duplicates in the LMS.");
            return users.FirstOrDefault();
        }

        /// <summary>Users whose <c>externalId</c> (the Salesforce Id) equals this; externalId is not unique in SCIM, so a list (at most 10).</summary>
        public async Task<IReadOnlyList<ScimUser>> FindUsersByExternalIdAsync(string externalId, CancellationToken cancellationToken = default) =>
            (await SearchAsync("Users", ScimFilter.Equal("externalId", externalId), 10, cancellationToken).ConfigureAwait(false)).Select(r => new ScimUser(r, null)).ToList();

        /// <summary>Users with this email among their emails (<c>emails.value eq</c>); at most 10.</summary>
        public async Task<IReadOnlyList<ScimUser>> FindUsersByEmailAsync(string email, CancellationToken cancellationToken = default) =>
            (await SearchAsync("Users", ScimFilter.Equal("emails.value", email), 10, cancellationToken).ConfigureAwait(false)).Select(r => new ScimUser(r, null)).ToList();

        /// <summary>
        /// <c>POST /Users</c>. With <paramref name="sendWelcomeEmail"/> the configured vendor attribute asks for the
        /// welcome email; without a configured attribute, asking for one is refused (SCIM has no standard switch).
        /// A duplicate userName fails with <see cref="ScimException.IsConflict"/>.
        /// </summary>
        public async Task<ScimUser> CreateUserAsync(ScimNewUser user, bool sendWelcomeEmail = false, CancellationToken cancellationToken = default)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            var body = CreateUserBody(user, sendWelcomeEmail);
            var response = await _transport.SendAsync(HttpMethod.Post, "Users", body, null, false, cancellationToken).ConfigureAwait(false);
            return await CreatedUserAsync(user.UserName, response, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The <c>POST /Users</c> body; shared with payload previews.</summary>
        internal JObject CreateUserBody(ScimNewUser user, bool sendWelcomeEmail) => user.ToResource(WelcomeSwitch(sendWelcomeEmail));

        /// <summary>The PATCH body that sets <c>active</c>, in the form this client currently uses; shared with payload previews.</summary>
        internal JObject ActiveBody(bool active) => ScimPatchOperation.Message(new[] { ActivePatch(active) });

        /// <summary>The operation that sets <c>active</c>, in the form this client currently uses (for bulk operations and previews).</summary>
        internal ScimPatchOperation ActivePatch(bool active) => ActiveOperation(active, Volatile.Read(ref _activeWithoutPath) == 1);

        private KeyValuePair<ScimAttributePath, bool>? WelcomeSwitch(bool sendWelcomeEmail)
        {
            if (sendWelcomeEmail && _welcomeOn == null)
            {
                throw new InvalidOperationException(
                    "SCIM has no standard welcome-email switch, and no vendor attribute for one is configured (ScimClientOptions.WelcomeEmailAttribute). " +
                    "Create the user without a welcome email, or configure the attribute your LMS documents.");
            }
            return sendWelcomeEmail ? _welcomeOn : _welcomeOff;
        }

        private async Task<ScimUser> CreatedUserAsync(string userName, ScimResponse response, CancellationToken cancellationToken)
        {
            var id = IdFrom(response.Body, response.Location);
            if (response.Body != null && id != null && ScimJson.Get(response.Body, "userName") != null)
            {
                var version = await RememberAsync("Users", id, response, cancellationToken).ConfigureAwait(false);
                return new ScimUser(response.Body, version);
            }
            // Created, but the answer did not carry the resource: read it back.
            var created = id != null ? await GetUserAsync(id, cancellationToken).ConfigureAwait(false) : await FindUserByUserNameAsync(userName, cancellationToken).ConfigureAwait(false);
            return created ?? throw new ScimException("POST /Users", response.Status, null, null, $"The SCIM service said user '{userName}' was created but it cannot be read back. Check the LMS before running again.");
        }

        /// <summary>
        /// <c>PATCH /Users/{id}</c> with the attributes that differ from <paramref name="current"/> (nothing is sent when none do).
        /// Returns the user as the service answered, or null when it answered 204 without a body.
        /// </summary>
        public async Task<ScimUser?> UpdateUserAsync(ScimUser current, ScimUserChanges changes, CancellationToken cancellationToken = default)
        {
            if (current == null) throw new ArgumentNullException(nameof(current));
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            if (changes.ToPatch(current.Resource).Count == 0) return current;
            var response = await PatchAsync("Users", current.Id, current.Resource, current.Version,
                resource => changes.ToPatch(resource ?? current.Resource), cancellationToken).ConfigureAwait(false);
            return UserFrom(response);
        }

        /// <summary>Sets <c>active=false</c> (the user keeps every record; RFC 7644 has no separate "disable").</summary>
        public Task<ScimUser?> DeactivateUserAsync(string id, CancellationToken cancellationToken = default) => SetActiveAsync(id, null, false, cancellationToken);

        public Task<ScimUser?> DeactivateUserAsync(ScimUser user, CancellationToken cancellationToken = default) => SetActiveAsync(user.Id, user.Version, false, cancellationToken);

        /// <summary>Sets <c>active=true</c>.</summary>
        public Task<ScimUser?> ReactivateUserAsync(string id, CancellationToken cancellationToken = default) => SetActiveAsync(id, null, true, cancellationToken);

        public Task<ScimUser?> ReactivateUserAsync(ScimUser user, CancellationToken cancellationToken = default) => SetActiveAsync(user.Id, user.Version, true, cancellationToken);

        private async Task<ScimUser?> SetActiveAsync(string id, string? version, bool active, CancellationToken cancellationToken)
        {
            var withoutPath = Volatile.Read(ref _activeWithoutPath) == 1;
            try
            {
                return UserFrom(await PatchAsync("Users", id, null, version, _ => new[] { ActiveOperation(active, withoutPath) }, cancellationToken).ConfigureAwait(false));
            }
            catch (ScimException e) when (e.StatusCode == 400 && !withoutPath && _options.ActiveStyle == ScimActiveStyle.Auto)
            {
                // Some services (GitHub's, for one) take only the path-less form; remember that for the rest of the run.
                var response = await PatchAsync("Users", id, null, version, _ => new[] { ActiveOperation(active, true) }, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _activeWithoutPath, 1);
                return UserFrom(response);
            }
        }

        private static ScimPatchOperation ActiveOperation(bool active, bool withoutPath) =>
            withoutPath ? ScimPatchOperation.Replace(new JObject { ["active"] = active }) : ScimPatchOperation.Replace("active", active);

        private static ScimUser? UserFrom(ScimResponse response) =>
            response.Body != null && ScimJson.Get(response.Body, "id") != null ? new ScimUser(response.Body, response.ETag) : null;
    }
}
