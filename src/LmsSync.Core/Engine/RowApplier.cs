using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>Applies one plan row to the LMS.</summary>
    internal static class RowApplier
    {
        /// <summary>Whether the row sends anything to the LMS: a write action, or department/group changes alone.</summary>
        public static bool NeedsLmsCall(PlanRow row) =>
            row.WritesToLms || (row.Action == PlanAction.NoChange && (row.DepartmentChange != null || row.GroupsToJoin.Count > 0 || row.GroupsToLeave.Count > 0));
    }
}
