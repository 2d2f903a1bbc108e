using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>Counts per action, the deprovision guard's verdict and notes about the plan as a whole.</summary>
    public sealed class PlanSummary
    {
        internal PlanSummary() { }

        public int Create { get; internal set; }
        public int Update { get; internal set; }
        public int NoChange { get; internal set; }
        public int Skip { get; internal set; }
        public int Deactivate { get; internal set; }
        public int Reactivate { get; internal set; }
        public int Disputed { get; internal set; }
        public int Total { get; internal set; }

        public int GroupJoins { get; internal set; }
        public int GroupLeaves { get; internal set; }
        public int DepartmentMoves { get; internal set; }
        public int DepartmentsToCreate { get; internal set; }
        public int GroupsToCreate { get; internal set; }
        public int DepartmentsToDelete { get; internal set; }

        /// <summary>Linked LMS users that still exist: the base of a percentage MaxDeprovision.</summary>
        public int ManagedUsers { get; internal set; }

        /// <summary>The limit as configured (<c>10%</c>, <c>25</c>).</summary>
        public string MaxDeprovision { get; internal set; } = "";

        public int AllowedDeactivations { get; internal set; }

        /// <summary>The plan deactivates more users than MaxDeprovision allows and must not be applied without -Force.</summary>
        public bool Blocked { get; internal set; }

        /// <summary>With the numbers and how to proceed; null when not blocked.</summary>
        public string? BlockedMessage { get; internal set; }

        /// <summary>The profile is enabled; a plan of a disabled profile is for preview only.</summary>
        public bool Enabled { get; internal set; }

        public bool SalesforceReadComplete { get; internal set; }

        public IReadOnlyList<string> Notes { get; internal set; } = new string[0];

        internal void Count(PlanAction action)
        {
            Total++;
            switch (action)
            {
                case PlanAction.Create: Create++; break;
                case PlanAction.Update: Update++; break;
                case PlanAction.NoChange: NoChange++; break;
                case PlanAction.Skip: Skip++; break;
                case PlanAction.Deactivate: Deactivate++; break;
                case PlanAction.Reactivate: Reactivate++; break;
                case PlanAction.Disputed: Disputed++; break;
            }
        }
    }
}
