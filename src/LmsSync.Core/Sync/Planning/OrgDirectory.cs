using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace LmsSync.Core.Sync
{
    /// <summary>The LMS's departments and groups, by id and by name; names resolve to one, none (create) or several (a dispute).</summary>
    internal sealed class OrgDirectory
    {
        private readonly Dictionary<string, LmsDepartment> _departmentsById = new Dictionary<string, LmsDepartment>(StringComparer.Ordinal);
        private readonly Dictionary<string, LmsGroup> _groupsById = new Dictionary<string, LmsGroup>(StringComparer.Ordinal);
        private readonly NameIndex<LmsDepartment> _departmentsByName = new NameIndex<LmsDepartment>();
        private readonly NameIndex<LmsGroup> _groupsByName = new NameIndex<LmsGroup>();

        public OrgDirectory(LmsSnapshot lms)
        {
            foreach (var department in lms.Departments)
            {
                _departmentsById[department.Id] = department;
                _departmentsByName.Add(department.Name, department);
            }
            foreach (var group in lms.Groups)
            {
                _groupsById[group.Id] = group;
                _groupsByName.Add(group.Name, group);
            }
        }

        [MethodImpl(Jit.Optimized)]
        public LmsDepartment? DepartmentById(string? id) => id != null && _departmentsById.TryGetValue(id, out var d) ? d : null;

        public LmsGroup? GroupById(string id) => _groupsById.TryGetValue(id, out var g) ? g : null;

        /// <summary>The department a name points at, or null with <paramref name="ambiguity"/> set when several share the name.</summary>
        [MethodImpl(Jit.Optimized)]
        public OrgTarget? ResolveDepartment(string name, out string? ambiguity)
        {
            var found = _departmentsByName.Find(name);
            ambiguity = null;
            if (found.Count == 1) return new OrgTarget(found[0].Id, found[0].Name);
            if (found.Count == 0) return new OrgTarget(null, name.Trim());
            ambiguity = $"department name '{name}' matches {found.Count} LMS departments ({Ids(found, d => d.Id)}); rename one so the name is unique";
            return null;
        }

        /// <summary>The group a name points at, or null with <paramref name="ambiguity"/> set when several share the name.</summary>
        public OrgTarget? ResolveGroup(string name, out string? ambiguity)
        {
            var found = _groupsByName.Find(name);
            ambiguity = null;
            if (found.Count == 1) return new OrgTarget(found[0].Id, found[0].Name);
            if (found.Count == 0) return new OrgTarget(null, name.Trim());
            ambiguity = $"group name '{name}' matches {found.Count} LMS groups ({Ids(found, g => g.Id)}); rename one so the name is unique";
            return null;
        }

        private static string Ids<T>(IReadOnlyList<T> items, Func<T, string> id)
        {
            var text = new StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(id(items[i]));
            }
            return text.ToString();
        }
    }
}
