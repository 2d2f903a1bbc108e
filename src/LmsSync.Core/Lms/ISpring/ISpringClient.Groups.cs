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
        /// <summary>All groups, streamed from <c>GET /groups</c> page by page.</summary>
        public ISpringPageReader<ISpringGroup> ReadGroups() =>
            new ISpringPageReader<ISpringGroup>((token, ct) =>
                _http.GetPageAsync("/groups?pageSize=" + _options.PageSize + PageToken(token), "groups", r => ISpringWireReader.Group(JObject.Load(r)), ct));

        /// <summary><c>GET /group/{id}</c>: the group and its member ids.</summary>
        public async Task<ISpringGroupDetails> GetGroupAsync(string groupId, CancellationToken cancellationToken = default)
        {
            var body = await _http.GetAsync(Path("/group/{0}", groupId), cancellationToken).ConfigureAwait(false);
            return Read(() => ISpringWireReader.GroupDetails(ISpringWireReader.Unwrap(body, "groupId")), "GET /group/{id}");
        }

        /// <summary><c>POST /group</c> <c>{name}</c>; returns the new group's id.</summary>
        public Task<string> CreateGroupAsync(string name, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A group needs a name.", nameof(name));
            return _http.CreateAsync("/group", new JObject { ["name"] = name }, "groupId", cancellationToken);
        }

        /// <summary>Adds one user to a group, keeping every other member (how: <see cref="ISpringClientOptions.GroupJoinMode"/>).</summary>
        public Task JoinGroupAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
            _options.GroupJoinMode == ISpringGroupJoinMode.UserGroupIds
                ? JoinViaUserGroupIdsAsync(userId, new[] { groupId }, cancellationToken)
                : _members.ApplyAsync(groupId, new[] { userId }, System.Array.Empty<string>(), cancellationToken);

        /// <summary>Removes one user from a group, keeping every other member (how: <see cref="ISpringClientOptions.GroupLeaveMode"/>).</summary>
        public Task LeaveGroupAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
            _options.GroupLeaveMode == ISpringGroupLeaveMode.RewriteMembers
                ? _members.ApplyAsync(groupId, System.Array.Empty<string>(), new[] { userId }, cancellationToken)
                : RemoveUserFromGroupsAsync(userId, new[] { groupId }, cancellationToken);

        /// <summary>
        /// Many joins and leaves on one group in a single read-write-verify round of its replace-all member list;
        /// members named in neither list stay.
        /// </summary>
        public Task ChangeGroupMembersAsync(string groupId, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken = default) =>
            _members.ApplyAsync(groupId, add ?? Enumerable.Empty<string>(), remove ?? Enumerable.Empty<string>(), cancellationToken);

        /// <summary><c>POST /user/{id}/groups/remove</c> <c>{groupIds}</c>: per-user removal, no read-modify-write.</summary>
        public async Task RemoveUserFromGroupsAsync(string userId, IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
        {
            var ids = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (ids.Count == 0) return;
            // Held so a member-list rewrite of ours that read the list before this removal cannot put the user back.
            using (await _groupLocks.AcquireAsync(ids, cancellationToken).ConfigureAwait(false))
                await _http.PostAsync(Path("/user/{0}/groups/remove", userId), new JObject { ["groupIds"] = Array(ids) }, idempotent: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Joins through the user: <c>groupIds</c> = the user's current groups plus the new ones, so the result is right
        /// whether iSpring adds or replaces with <c>groupIds</c>; then checks the user is in them.
        /// </summary>
        public async Task JoinViaUserGroupIdsAsync(string userId, IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
        {
            var ids = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (ids.Count == 0) return;
            using (await _groupLocks.AcquireAsync(ids, cancellationToken).ConfigureAwait(false))
            {
                var user = await GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
                var missing = ids.Where(id => !user.GroupIds.Contains(id, StringComparer.OrdinalIgnoreCase)).ToList();
                if (missing.Count == 0) return;
                // Smart groups fill themselves by rules and cannot be named in groupIds.
                var smart = await SmartGroupIdsAsync(cancellationToken).ConfigureAwait(false);
                if (missing.FirstOrDefault(smart.Contains) is string smartTarget)
                    throw new InvalidOperationException($"Group {smartTarget} is a smart group: its members follow its rules and cannot be written. Leave it out of the group mapping.");
                var all = user.GroupIds.Where(id => !smart.Contains(id)).Concat(missing).ToList();
                await _http.PostAsync(Path("/user/{0}", userId), new JObject { ["groupIds"] = Array(all) }, idempotent: true, cancellationToken).ConfigureAwait(false);
                var after = await GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
                if (missing.Any(id => !after.GroupIds.Contains(id, StringComparer.OrdinalIgnoreCase)))
                    throw new ISpringApiException(Path("POST /user/{0}", userId), 0, null, "groupIds did not take effect",
                        "This iSpring Learn account ignores groupIds on a user update; set GroupJoinMode to RewriteMembers.");
            }
        }

        /// <summary>Ids of the account's smart groups, read once per client (smart groups are rare and rarely change).</summary>
        private async Task<ISet<string>> SmartGroupIdsAsync(CancellationToken cancellationToken)
        {
            var known = _smartGroupIds;
            if (known != null) return known;
            var groups = await ReadGroups().ReadAllAsync(cancellationToken).ConfigureAwait(false);
            return _smartGroupIds = new HashSet<string>(groups.Where(g => g.IsSmart).Select(g => g.GroupId), StringComparer.OrdinalIgnoreCase);
        }

        private Task WriteMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
            _http.PostAsync(Path("/group/{0}/members", groupId), new JObject { ["userIds"] = Array(userIds) }, idempotent: true, cancellationToken);
    }
}
