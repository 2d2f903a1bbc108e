using System.Collections.Generic;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync
{
    /// <summary>The planner's working record for one Salesforce user, from verdict to finished row.</summary>
    internal sealed class PlanEntry
    {
        public PlanEntry(SourceUser source, RuleEvaluator.Decision verdict, DesiredUser desired, string? scopeReason, MatchResult match)
        {
            Source = source;
            Verdict = verdict;
            Desired = desired;
            ScopeReason = scopeReason;
            Match = match;
        }

        public SourceUser Source { get; }
        /// <summary>The import decision; the row makes the per-user <see cref="RuleVerdict"/> when it is read.</summary>
        public RuleEvaluator.Decision Verdict { get; }
        public DesiredUser Desired { get; }
        public string? ScopeReason { get; }
        public MatchResult Match { get; }

        /// <summary>Set when a later pass finds the claim on the matched LMS user contested.</summary>
        public string? ClaimDispute { get; set; }
        public List<string>? ClaimCandidates { get; set; }

        /// <summary>The decided row; for users to sync, its action is settled when changes are computed.</summary>
        public PlanRow? Row { get; set; }

        /// <summary>The user is to be created, updated or reactivated (details still to fill).</summary>
        public bool Syncs { get; set; }

        /// <summary>The field changes of a user to sync, computed before identity collisions are settled.</summary>
        public IReadOnlyList<FieldChange>? Changes { get; set; }

        /// <summary>The department to place the user in; null when the department is left alone.</summary>
        public OrgTarget? Department { get; set; }

        /// <summary>The groups the user should be in; null when groups are left alone.</summary>
        public List<OrgTarget>? Groups { get; set; }

        public LmsUser? LmsUser => Match.User;
        public bool Creating => Match.User == null;
    }
}
