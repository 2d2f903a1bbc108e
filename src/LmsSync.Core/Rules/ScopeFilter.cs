using System;
using System.Collections.Generic;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Rules
{
    /// <summary>Applies an <see cref="ImportScope"/> to mapped users: who is in scope and which groups sync.</summary>
    public sealed class ScopeFilter
    {
        private readonly HashSet<string>? _departments;
        private readonly HashSet<string>? _groups;

        public ScopeFilter(ImportScope? scope)
        {
            _departments = ToSet(scope?.IncludedDepartments);
            _groups = ToSet(scope?.IncludedGroups);
        }

        /// <summary>Only the listed groups are joined or left.</summary>
        public bool LimitsGroups => _groups != null;

        /// <summary>Why the user is outside the scope, or null when inside.</summary>
        public string? OutOfScopeReason(DesiredUser user)
        {
            if (_departments != null)
            {
                var department = user.Department?.Value;
                if (department == null || !_departments.Contains(department.Trim()))
                    return department == null
                        ? "no department, and only chosen departments sync"
                        : $"department '{department}' is not among the departments to sync";
            }
            if (_groups != null)
            {
                var groups = user.Groups;
                if (groups != null)
                    for (var i = 0; i < groups.Count; i++)
                        if (groups[i].Value != null && _groups.Contains(groups[i].Value!)) return null;
                return "in none of the groups to sync";
            }
            return null;
        }

        /// <summary>Whether a group syncs: every group when no groups are chosen.</summary>
        public bool IncludesGroup(string name) => _groups == null || _groups.Contains(name.Trim());

        private static HashSet<string>? ToSet(List<string>? names)
        {
            if (names == null) return null;
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
                if (!string.IsNullOrWhiteSpace(name)) set.Add(name.Trim());
            return set.Count == 0 ? null : set;
        }
    }
}
