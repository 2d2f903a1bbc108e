using System;
using System.Collections.Concurrent;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>Department and group names to LMS ids: those read from the LMS, plus those created earlier in the run.</summary>
    internal sealed class OrgIdResolver : IOrgIdResolver
    {
        private readonly ConcurrentDictionary<string, string> _departments = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, string> _groups = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public OrgIdResolver(LmsSnapshot snapshot)
        {
            foreach (var department in snapshot.Departments) _departments.TryAdd(department.Name, department.Id);
            foreach (var group in snapshot.Groups) _groups.TryAdd(group.Name, group.Id);
        }

        public string? DepartmentId(string name) => name != null && _departments.TryGetValue(name, out var id) ? id : null;
        public string? GroupId(string name) => name != null && _groups.TryGetValue(name, out var id) ? id : null;

        public void Created(OrgChange change, string id)
        {
            if (change.Kind == OrgChangeKind.CreateDepartment) _departments[change.Name] = id;
            else if (change.Kind == OrgChangeKind.CreateGroup) _groups[change.Name] = id;
        }
    }
}
