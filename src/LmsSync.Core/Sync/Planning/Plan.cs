using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Everything a run would do: one row per user, the organisation changes, a summary, and what the state
    /// should remember afterwards (managed group names, links to drop). Previews stop here; execution applies it.
    /// </summary>
    public sealed class Plan
    {
        internal Plan(IReadOnlyList<PlanRow> rows, IReadOnlyList<OrgChange> orgChanges, PlanSummary summary,
            IReadOnlyCollection<string> managedGroupNames, IReadOnlyList<Link> staleLinks, DateTimeOffset plannedAt)
        {
            Rows = rows;
            OrgChanges = orgChanges;
            Summary = summary;
            ManagedGroupNames = managedGroupNames;
            StaleLinks = staleLinks;
            PlannedAt = plannedAt;
        }

        public IReadOnlyList<PlanRow> Rows { get; }
        public IReadOnlyList<OrgChange> OrgChanges { get; }
        public PlanSummary Summary { get; }

        /// <summary>Group names the integration manages after this run (to store in the state).</summary>
        public IReadOnlyCollection<string> ManagedGroupNames { get; }

        /// <summary>Links whose LMS user no longer exists; the state can drop them.</summary>
        public IReadOnlyList<Link> StaleLinks { get; }

        /// <summary>The injected clock's time when the plan was made.</summary>
        public DateTimeOffset PlannedAt { get; }

        public bool Blocked => Summary.Blocked;
    }
}
