using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>Everything the LMS reported in one read: its users, groups and departments.</summary>
    public sealed class LmsSnapshot
    {
        public LmsSnapshot(IReadOnlyList<LmsUser> users, IReadOnlyList<LmsGroup>? groups = null, IReadOnlyList<LmsDepartment>? departments = null)
        {
            Users = users;
            Groups = groups ?? new LmsGroup[0];
            Departments = departments ?? new LmsDepartment[0];
        }

        public IReadOnlyList<LmsUser> Users { get; }
        public IReadOnlyList<LmsGroup> Groups { get; }
        public IReadOnlyList<LmsDepartment> Departments { get; }

        public static LmsSnapshot Empty { get; } = new LmsSnapshot(new LmsUser[0]);
    }
}
