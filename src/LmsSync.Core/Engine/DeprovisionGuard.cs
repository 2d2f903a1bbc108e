using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>MaxDeprovision: a run whose deactivations exceed the threshold stops before its first write.</summary>
    internal static class DeprovisionGuard
    {
        /// <summary>Null when the run may go on; otherwise the message, with the numbers and how to proceed.</summary>
        public static string? Check(Plan plan, IReadOnlyList<PlanRow> rows, bool partial, bool force)
        {
            if (force) return null;
            if (!partial) return plan.Summary.Blocked ? plan.Summary.BlockedMessage ?? Message(plan.Summary.Deactivate, plan.Summary) : null;
            // A partial run is judged by the deactivations it would itself make.
            var deactivations = rows.Count(r => r.Action == PlanAction.Deactivate);
            return deactivations > plan.Summary.AllowedDeactivations ? Message(deactivations, plan.Summary) : null;
        }

        private static string Message(int deactivations, PlanSummary summary) =>
            $"This run would deactivate {deactivations} users, more than MaxDeprovision ({summary.MaxDeprovision} of {summary.ManagedUsers} managed users = {summary.AllowedDeactivations}) allows. " +
            "Nothing was written. Review the Deactivate rows (Get-SfLmsUser | Where-Object Action -eq Deactivate); if they are right, run again with -Force or raise MaxDeprovision.";
    }
}
