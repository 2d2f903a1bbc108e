using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Everything the LMS reported in one read: its users, groups and departments. A lookup read
    /// (<see cref="UsersComplete"/> false) holds every group and department but only the users that could match the
    /// people looked up, so nothing may be concluded from a user's absence.
    /// </summary>
    public sealed class LmsSnapshot
    {
        public LmsSnapshot(IReadOnlyList<LmsUser> users, IReadOnlyList<LmsGroup>? groups = null, IReadOnlyList<LmsDepartment>? departments = null,
            bool usersComplete = true)
        {
            Users = users;
            Groups = groups ?? new LmsGroup[0];
            Departments = departments ?? new LmsDepartment[0];
            UsersComplete = usersComplete;
        }

        public IReadOnlyList<LmsUser> Users { get; }
        public IReadOnlyList<LmsGroup> Groups { get; }
        public IReadOnlyList<LmsDepartment> Departments { get; }

        /// <summary>False for a lookup read: users not in <see cref="Users"/> may still exist in the LMS.</summary>
        public bool UsersComplete { get; }

        public static LmsSnapshot Empty { get; } = new LmsSnapshot(new LmsUser[0]);
    }
}
