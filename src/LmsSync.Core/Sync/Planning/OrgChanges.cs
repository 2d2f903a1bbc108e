using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>Collects organisation changes once each, in the order first needed.</summary>
    internal sealed class OrgChanges
    {
        private readonly List<OrgChange> _all = new List<OrgChange>();
        private readonly HashSet<string> _departments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly string? _parentId;

        public OrgChanges(string? newDepartmentParentId) => _parentId = newDepartmentParentId;

        public IReadOnlyList<OrgChange> All => _all;

        public void CreateDepartment(string name)
        {
            if (_departments.Add(name))
                _all.Add(new OrgChange(OrgChangeKind.CreateDepartment, null, name, _parentId, "mapped for a user, not yet in the LMS"));
        }

        public void CreateGroup(string name)
        {
            if (_groups.Add(name))
                _all.Add(new OrgChange(OrgChangeKind.CreateGroup, null, name, null, "mapped for a user, not yet in the LMS"));
        }

        public void DeleteDepartment(LmsDepartment department) =>
            _all.Add(new OrgChange(OrgChangeKind.DeleteDepartment, department.Id, department.Name, department.ParentId,
                "created by the integration and empty after this run"));
    }
}
