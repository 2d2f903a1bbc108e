using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Salesforce.Groups
{
    /// <summary>
    /// Which public groups (Group.Type = 'Regular') each user belongs to directly. Membership through
    /// roles or nested groups is not expanded (Salesforce stores no GroupMember row for it).
    /// </summary>
    public sealed class PublicGroupMemberships
    {
        private static readonly IReadOnlyList<string> None = new string[0];
        private readonly Dictionary<string, List<string>> _byUser;

        internal PublicGroupMemberships(Dictionary<string, List<string>> byUser, int membershipCount, int nestedGroupMembers)
        {
            _byUser = byUser;
            foreach (var list in _byUser.Values) list.Sort(StringComparer.OrdinalIgnoreCase);
            MembershipCount = membershipCount;
            NestedGroupMembers = nestedGroupMembers;
            GroupNames = _byUser.Values.SelectMany(g => g).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>The names of the public groups the user is a direct member of, sorted; empty when none.</summary>
        public IReadOnlyList<string> GroupsOf(string userId) =>
            userId != null && _byUser.TryGetValue(userId, out var groups) ? groups : None;

        public IReadOnlyCollection<string> UserIds => _byUser.Keys;

        /// <summary>Every public group that has at least one direct user member.</summary>
        public IReadOnlyList<string> GroupNames { get; }

        /// <summary>User memberships read (user, group pairs).</summary>
        public int MembershipCount { get; }

        /// <summary>Members that are groups (nested groups, roles): skipped, counted for the log.</summary>
        public int NestedGroupMembers { get; }

        /// <summary>Always true: a partial read throws instead of returning.</summary>
        public bool IsComplete => true;
    }
}
