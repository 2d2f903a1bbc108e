using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// The <see cref="Matcher"/>'s tables of LMS users: by id, by the Salesforce Id kept in the LMS, by email and by
    /// login. A connector that reads the whole LMS page by page fills one as the pages arrive
    /// (<see cref="LmsSnapshot.UserIndex"/>), in the wait for the next page, so planning after the read only matches.
    /// The matcher uses it only when it indexes exactly its snapshot's users, and indexes them itself otherwise, so the
    /// plan is the same with or without one.
    /// </summary>
    internal sealed class LmsUserIndex
    {
        private readonly List<LmsUser> _users;

        public LmsUserIndex(int capacity = 0)
        {
            _users = new List<LmsUser>(capacity);
            ById = new Dictionary<string, LmsUser>(capacity, StringComparer.Ordinal);
            BySalesforceIdField = new UserIndex(StringComparer.Ordinal, 0);
            ByEmail = new UserIndex(StringComparer.OrdinalIgnoreCase, capacity);
            ByLogin = new UserIndex(StringComparer.OrdinalIgnoreCase, capacity);
        }

        /// <summary>The index of a snapshot's users, all at once (when none was made while reading).</summary>
        public static LmsUserIndex Of(IReadOnlyList<LmsUser> users)
        {
            // Presized: growing 100,000-entry tables leaves megabytes of garbage behind.
            var index = new LmsUserIndex(users.Count);
            for (var i = 0; i < users.Count; i++) index.Add(users[i]);
            return index;
        }

        /// <summary>The users indexed, in the order added.</summary>
        public IReadOnlyList<LmsUser> Users => _users;

        public Dictionary<string, LmsUser> ById { get; }
        public UserIndex BySalesforceIdField { get; }
        public UserIndex ByEmail { get; }
        public UserIndex ByLogin { get; }

        /// <summary>Indexes the next user read. Not thread-safe: one reader adds, and the planner reads after the read ended.</summary>
        public void Add(LmsUser user)
        {
            _users.Add(user);
            ById[user.LmsId] = user;
            if (!string.IsNullOrWhiteSpace(user.SalesforceId)) BySalesforceIdField.Add(SalesforceIds.Key(user.SalesforceId!), user);
            ByEmail.Add(user.Email, user);
            ByLogin.Add(user.Login, user);
        }

        /// <summary>True when this indexes exactly <paramref name="users"/>: the same objects, in order.</summary>
        public bool Fits(IReadOnlyList<LmsUser> users)
        {
            if (users.Count != _users.Count) return false;
            for (var i = 0; i < users.Count; i++)
                if (!ReferenceEquals(users[i], _users[i])) return false;
            return true;
        }
    }
}
