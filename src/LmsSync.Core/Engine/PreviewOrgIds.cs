using System;
using System.Collections.Generic;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Org ids for payload previews: a department or group the plan will create has no id yet, so the preview shows
    /// a placeholder naming it instead of failing.
    /// </summary>
    internal sealed class PreviewOrgIds : IOrgIdResolver
    {
        private readonly IOrgIdResolver _known;
        private readonly HashSet<string> _newDepartments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _newGroups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public PreviewOrgIds(IOrgIdResolver known, IEnumerable<OrgChange> changes)
        {
            _known = known;
            foreach (var change in changes)
            {
                if (change.Kind == OrgChangeKind.CreateDepartment) _newDepartments.Add(change.Name);
                else if (change.Kind == OrgChangeKind.CreateGroup) _newGroups.Add(change.Name);
            }
        }

        public string? DepartmentId(string name) =>
            _known.DepartmentId(name) ?? (_newDepartments.Contains(name) ? $"<id of new department '{name}'>" : null);

        public string? GroupId(string name) =>
            _known.GroupId(name) ?? (_newGroups.Contains(name) ? $"<id of new group '{name}'>" : null);
    }
}
