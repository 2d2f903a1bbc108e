using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// What the integration remembers between runs and the plan needs: links, the groups it manages
    /// and the departments it created. Ids compare ordinally; group names case-insensitively.
    /// </summary>
    public sealed class SyncState
    {
        private readonly HashSet<string> _managedGroupIds;
        private readonly HashSet<string> _managedGroupNames;
        private readonly HashSet<string> _createdDepartmentIds;

        public SyncState(
            IReadOnlyList<Link>? links = null,
            IEnumerable<string>? managedGroupIds = null,
            IEnumerable<string>? managedGroupNames = null,
            IEnumerable<string>? createdDepartmentIds = null)
        {
            Links = links ?? new Link[0];
            _managedGroupIds = new HashSet<string>(managedGroupIds ?? new string[0], StringComparer.Ordinal);
            _managedGroupNames = new HashSet<string>(managedGroupNames ?? new string[0], StringComparer.OrdinalIgnoreCase);
            _createdDepartmentIds = new HashSet<string>(createdDepartmentIds ?? new string[0], StringComparer.Ordinal);
        }

        public IReadOnlyList<Link> Links { get; }

        /// <summary>Ids of LMS groups the integration created or has filled from its mapping.</summary>
        public IReadOnlyCollection<string> ManagedGroupIds => _managedGroupIds;

        /// <summary>Names of groups the mapping has produced in earlier runs.</summary>
        public IReadOnlyCollection<string> ManagedGroupNames => _managedGroupNames;

        /// <summary>Ids of departments the integration created; only these are ever deleted.</summary>
        public IReadOnlyCollection<string> CreatedDepartmentIds => _createdDepartmentIds;

        public bool IsManagedGroup(LmsGroup group) => _managedGroupIds.Contains(group.Id) || _managedGroupNames.Contains(group.Name);

        public bool IsCreatedDepartment(string departmentId) => _createdDepartmentIds.Contains(departmentId);

        public static SyncState Empty { get; } = new SyncState();
    }
}
