using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Deletes departments the integration created that hold no user (active or not) and no child department
    /// once this plan's moves are applied. Departments made by hand are never deleted.
    /// </summary>
    internal static class EmptyDepartments
    {
        public static void Add(LmsSnapshot lms, SyncState state, IReadOnlyList<PlanRow> rows, OrgChanges changes, string? newDepartmentParentId)
        {
            if (state.CreatedDepartmentIds.Count == 0) return;
            var members = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var user in lms.Users)
                if (user.DepartmentId != null) Bump(members, user.DepartmentId, 1);
            foreach (var row in rows)
            {
                var move = row.DepartmentChange;
                if (move == null) continue;
                if (move.FromId != null) Bump(members, move.FromId, -1);
                if (move.ToId != null) Bump(members, move.ToId, 1);
            }
            var parents = new HashSet<string>(StringComparer.Ordinal);
            foreach (var department in lms.Departments)
                if (department.ParentId != null) parents.Add(department.ParentId);
            foreach (var department in lms.Departments)
            {
                if (!state.IsCreatedDepartment(department.Id) || parents.Contains(department.Id)) continue;
                if (string.Equals(department.Id, newDepartmentParentId, StringComparison.Ordinal)) continue;
                if (members.TryGetValue(department.Id, out var count) && count > 0) continue;
                changes.DeleteDepartment(department);
            }
        }

        private static void Bump(Dictionary<string, int> counts, string id, int by)
        {
            counts.TryGetValue(id, out var count);
            counts[id] = count + by;
        }
    }
}
