using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// The department and group ids a row needs. Ids the plan already knows are used as they are; names of
    /// departments and groups created earlier in the run go through the resolver. A name nothing resolves is an
    /// error for this row (its org change failed or was not applied), never a silent skip.
    /// </summary>
    internal static class RowOrg
    {
        public static string? DepartmentId(PlanRow row, IOrgIdResolver orgIds)
        {
            var move = row.DepartmentChange;
            if (move == null) return null;
            return move.ToId ?? orgIds.DepartmentId(move.ToName)
                   ?? throw new LmsConnectorException($"The department '{move.ToName}' does not exist in the LMS yet: its creation failed or has not run. Run the sync again.", 0, false, false);
        }

        public static IReadOnlyList<string> JoinIds(PlanRow row, IOrgIdResolver orgIds) => GroupIds(row.GroupsToJoin, orgIds);

        public static IReadOnlyList<string> LeaveIds(PlanRow row, IOrgIdResolver orgIds) => GroupIds(row.GroupsToLeave, orgIds);

        private static IReadOnlyList<string> GroupIds(IReadOnlyList<GroupRef> groups, IOrgIdResolver orgIds)
        {
            var ids = new List<string>(groups.Count);
            foreach (var group in groups)
            {
                ids.Add(group.Id ?? orgIds.GroupId(group.Name)
                        ?? throw new LmsConnectorException($"The group '{group.Name}' does not exist in the LMS yet: its creation failed or has not run. Run the sync again.", 0, false, false));
            }
            return ids;
        }

        /// <summary>A row for an existing user needs its LMS id.</summary>
        public static string ExistingId(PlanRow row) =>
            row.LmsId ?? throw new LmsConnectorException($"The row '{row}' has no LMS id to apply {row.Action} to.", 0, false, false);
    }
}
