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
        /// <summary>Members per PATCH: keeps one request well under any payload limit for big groups.</summary>
        internal const int MembersPerPatch = 100;

        /// <summary>
        /// Every group, page by page. <paramref name="includeMembers"/> false asks the service to leave
        /// members out (<c>excludedAttributes=members</c>), which keeps pages small for big groups.
        /// </summary>
        public ScimPageReader<ScimGroup> ListGroups(bool includeMembers = true, string? filter = null) =>
            new ScimPageReader<ScimGroup>(this, "Groups", filter, includeMembers ? null : "excludedAttributes=members",
                reader => new ScimGroup(JObject.Load(reader), null) { MembersIncluded = includeMembers }, g => g.Id);

        public Task<int> CountGroupsAsync(string? filter = null, CancellationToken cancellationToken = default) =>
            CountAsync("Groups", filter, cancellationToken);

        /// <summary>One group by id, with its members; null when there is none.</summary>
        public async Task<ScimGroup?> GetGroupAsync(string id, CancellationToken cancellationToken = default)
        {
            var found = await GetAsync("Groups", id, cancellationToken).ConfigureAwait(false);
            return found == null ? null : new ScimGroup(found.Value.Resource, found.Value.Version);
        }

        /// <summary>The group with this displayName (<c>displayName eq</c>), or null.</summary>
        public async Task<ScimGroup?> FindGroupByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default)
        {
            var found = await SearchAsync("Groups", ScimFilter.Equal("displayName", displayName), 10, cancellationToken).ConfigureAwait(false);
            var groups = found.Select(r => new ScimGroup(r, null)).ToList();
            return groups.FirstOrDefault(g => string.Equals(g.DisplayName, displayName, StringComparison.Ordinal))
                ?? groups.FirstOrDefault(g => string.Equals(g.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary><c>POST /Groups</c> with no members. A duplicate displayName fails with <see cref="ScimException.IsConflict"/> on services that enforce it.</summary>
        public async Task<ScimGroup> CreateGroupAsync(string displayName, string? externalId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(displayName)) throw new ArgumentException("A SCIM group needs a displayName.", nameof(displayName));
            var body = new JObject { ["schemas"] = new JArray(ScimSchemaUris.Group), ["displayName"] = displayName };
            if (!string.IsNullOrEmpty(externalId)) body["externalId"] = externalId;
            var response = await _transport.SendAsync(HttpMethod.Post, "Groups", body, null, false, cancellationToken).ConfigureAwait(false);
            var id = IdFrom(response.Body, response.Location);
            if (response.Body != null && id != null && ScimJson.Get(response.Body, "displayName") != null)
            {
                return new ScimGroup(response.Body, await RememberAsync("Groups", id, response, cancellationToken).ConfigureAwait(false));
            }
            var created = id != null ? await GetGroupAsync(id, cancellationToken).ConfigureAwait(false) : await FindGroupByDisplayNameAsync(displayName, cancellationToken).ConfigureAwait(false);
            return created ?? throw new ScimException("POST /Groups", response.Status, null, null, $"The SCIM service said group '{displayName}' was created but it cannot be read back. Check the LMS before running again.");
        }

        /// <summary>Adds one user to a group.</summary>
        public Task JoinGroupAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
            AddGroupMembersAsync(groupId, new[] { userId }, cancellationToken);

        /// <summary>Removes one user from a group (a user who is not a member is not an error).</summary>
        public Task LeaveGroupAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
            RemoveGroupMembersAsync(groupId, new[] { userId }, cancellationToken);

        /// <summary><c>PATCH /Groups/{id}</c> <c>{"op":"add","path":"members","value":[{"value":id}…]}</c>; other members are untouched.</summary>
        public async Task AddGroupMembersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
        {
            foreach (var chunk in Chunks(userIds))
            {
                await PatchAsync("Groups", groupId, null, null, _ => new[] { AddMembers(chunk) }, cancellationToken, versioned: false).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// <c>PATCH /Groups/{id}</c> with one <c>{"op":"remove","path":"members[value eq \"id\"]"}</c> per member.
        /// A filter that matches nobody is a 400 noTarget (RFC 7644 §3.5.2); then the group is read and only its actual members are removed.
        /// </summary>
        public async Task RemoveGroupMembersAsync(string groupId, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
        {
            foreach (var chunk in Chunks(userIds))
            {
                try
                {
                    await PatchAsync("Groups", groupId, null, null, _ => RemoveMembers(chunk), cancellationToken, versioned: false).ConfigureAwait(false);
                }
                catch (ScimException e) when (e.StatusCode == 400 && e.ScimType == "noTarget")
                {
                    var group = await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
                    if (group == null) throw;
                    var present = chunk.Where(id => group.MemberIds.Contains(id, StringComparer.Ordinal)).ToList();
                    if (present.Count == 0) continue;
                    await PatchAsync("Groups", groupId, group.Resource, group.Version, _ => RemoveMembers(present), cancellationToken, versioned: false).ConfigureAwait(false);
                }
            }
        }

        internal static ScimPatchOperation AddMembers(IEnumerable<string> userIds) =>
            ScimPatchOperation.Add("members", new JArray(userIds.Select(id => (object)new JObject { ["value"] = id }).ToArray()));

        internal static IReadOnlyList<ScimPatchOperation> RemoveMembers(IEnumerable<string> userIds) =>
            userIds.Select(id => ScimPatchOperation.Remove("members[value eq " + ScimFilter.Quote(id) + "]")).ToList();

        private static IEnumerable<List<string>> Chunks(IEnumerable<string> ids)
        {
            var chunk = new List<string>(MembersPerPatch);
            foreach (var id in ids.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal))
            {
                chunk.Add(id);
                if (chunk.Count == MembersPerPatch)
                {
                    yield return chunk;
                    chunk = new List<string>(MembersPerPatch);
                }
            }
            if (chunk.Count > 0) yield return chunk;
        }
    }
}
