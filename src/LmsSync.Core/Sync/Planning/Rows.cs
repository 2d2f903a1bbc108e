using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>Makes plan rows for Salesforce users, carrying their verdict, mapped values and match.</summary>
    internal static class Rows
    {
        [MethodImpl(Jit.Optimized)]
        public static PlanRow For(PlanEntry entry, PlanAction action)
        {
            var lms = entry.LmsUser;
            var row = new PlanRow(action, entry.Source.SalesforceId, lms?.LmsId, entry.Source.DisplayName, entry.Desired.Email ?? lms?.Email)
            {
                Decision = entry.Verdict,
                Desired = entry.Desired,
                MatchedBy = entry.Match.Method,
            };
            return row;
        }

        public static PlanRow Skip(PlanEntry entry, string reason) => With(For(entry, PlanAction.Skip), reason);

        public static PlanRow NoChange(PlanEntry entry, string reason) => With(For(entry, PlanAction.NoChange), reason);

        public static PlanRow Deactivate(PlanEntry entry, DeactivationReason why, string reason)
        {
            var row = With(For(entry, PlanAction.Deactivate), reason);
            row.DeactivationReason = why;
            return row;
        }

        [MethodImpl(Jit.Optimized)]
        public static PlanRow Disputed(PlanEntry entry, string reason, IReadOnlyList<string> candidates)
        {
            var lms = entry.LmsUser;
            var row = new PlanRow(PlanAction.Disputed, entry.Source.SalesforceId, null, entry.Source.DisplayName, entry.Desired.Email ?? lms?.Email)
            {
                Decision = entry.Verdict,
                Desired = entry.Desired,
                MatchedBy = entry.Match.Method,
                Reason = reason,
                DisputedCandidates = candidates,
            };
            return row;
        }

        private static PlanRow With(PlanRow row, string reason)
        {
            row.Reason = reason;
            return row;
        }
    }
}
