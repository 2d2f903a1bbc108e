using System.Collections.Generic;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// One user in the plan: what happens, why, what changes (fields old → new, department, groups), and how
    /// the user was matched. Rows for Salesforce users carry the rule verdict and mapped values so previews can
    /// explain themselves; rows for linked LMS users no longer in Salesforce carry neither.
    /// </summary>
    /// <remarks>
    /// A plan holds a row per user (100,000 through a run), and most rows change nothing: what only a change, a link or a
    /// dispute needs is kept in a <see cref="Details"/> object made when one of those is first set, not in every row.
    /// </remarks>
    public sealed class PlanRow
    {
        private static readonly IReadOnlyList<FieldChange> NoChanges = new FieldChange[0];
        private static readonly IReadOnlyList<GroupRef> NoGroups = new GroupRef[0];
        private static readonly IReadOnlyList<string> NoCandidates = new string[0];

        internal PlanRow(PlanAction action, string? salesforceId, string? lmsId, string? displayName, string? email)
        {
            Action = action;
            SalesforceId = salesforceId;
            LmsId = lmsId;
            DisplayName = displayName;
            Email = email;
        }

        public PlanAction Action { get; internal set; }

        /// <summary>Why: the rule that skipped, what is disputed, why a user is deactivated or left alone.</summary>
        public string? Reason { get; internal set; }

        public DeactivationReason DeactivationReason
        {
            get => _details?.DeactivationReason ?? DeactivationReason.None;
            internal set
            {
                if (_details != null || value != DeactivationReason.None) Detailed().DeactivationReason = value;
            }
        }

        public string? SalesforceId { get; }

        /// <summary>The LMS user's id; null for a user still to be created (and for disputed rows).</summary>
        public string? LmsId { get; }

        public string? DisplayName { get; }
        public string? Email { get; }

        /// <summary>Profile fields to write; on create, every mapped value (old is null).</summary>
        public IReadOnlyList<FieldChange> Changes
        {
            get => _details?.Changes ?? NoChanges;
            internal set
            {
                if (_details != null || !IsEmptyArray(value)) Detailed().Changes = value;
            }
        }

        /// <summary>A department move (or the department of a new user); null when the department stays.</summary>
        public DepartmentChange? DepartmentChange
        {
            get => _details?.DepartmentChange;
            internal set
            {
                if (_details != null || value != null) Detailed().DepartmentChange = value;
            }
        }

        public IReadOnlyList<GroupRef> GroupsToJoin
        {
            get => _details?.GroupsToJoin ?? NoGroups;
            internal set
            {
                if (_details != null || !IsEmptyArray(value)) Detailed().GroupsToJoin = value;
            }
        }

        /// <summary>Integration-managed groups the user leaves (only with RemoveFromStaleGroups).</summary>
        public IReadOnlyList<GroupRef> GroupsToLeave
        {
            get => _details?.GroupsToLeave ?? NoGroups;
            internal set
            {
                if (_details != null || !IsEmptyArray(value)) Detailed().GroupsToLeave = value;
            }
        }

        /// <summary>How the LMS user was found: Link, SalesforceIdField, Email, Login, or None.</summary>
        public MatchMethod MatchedBy { get; internal set; }

        /// <summary>Applying the row records a link (a new user, or an existing one matched for the first time).</summary>
        public bool CreatesLink
        {
            get => _details?.CreatesLink ?? false;
            internal set
            {
                if (_details != null || value) Detailed().CreatesLink = value;
            }
        }

        /// <summary>The origin of the link this row records.</summary>
        public LinkOrigin LinkOrigin => Action == PlanAction.Create ? LinkOrigin.Created : LinkOrigin.Matched;

        /// <summary>Every candidate of a disputed row: LMS users (id and email) or competing Salesforce users.</summary>
        public IReadOnlyList<string> DisputedCandidates
        {
            get => _details?.DisputedCandidates ?? NoCandidates;
            internal set
            {
                if (_details != null || !IsEmptyArray(value)) Detailed().DisputedCandidates = value;
            }
        }

        /// <summary>On create: ask the LMS to send its welcome email.</summary>
        public bool SendWelcomeEmail
        {
            get => _details?.SendWelcomeEmail ?? false;
            internal set
            {
                if (_details != null || value) Detailed().SendWelcomeEmail = value;
            }
        }

        private Details? _details;

        private Details Detailed() => _details ??= new Details();

        /// <summary>An empty array stays empty, so the row need not keep it; a list given empty may still be filled by its giver.</summary>
        private static bool IsEmptyArray<T>(IReadOnlyList<T> value) => value is T[] array && array.Length == 0;

        /// <summary>The import-rule verdict (null for users no longer in Salesforce).</summary>
        public RuleVerdict? Verdict
        {
            get => _verdict ??= Decision?.For(Desired!.Source);
            internal set
            {
                _verdict = value;
                Decision = null;
            }
        }

        private RuleVerdict? _verdict;

        /// <summary>The import decision shared by users it applies to; <see cref="Verdict"/> is made from it (with <see cref="Desired"/>'s user) when read.</summary>
        internal RuleEvaluator.Decision? Decision { get; set; }

        /// <summary>The mapped values with provenance (null for users no longer in Salesforce).</summary>
        public DesiredUser? Desired { get; internal set; }

        /// <summary>Whether applying the row writes anything to the LMS.</summary>
        public bool WritesToLms => Action == PlanAction.Create || Action == PlanAction.Update
            || Action == PlanAction.Deactivate || Action == PlanAction.Reactivate;

        public override string ToString() => $"{Action} {DisplayName ?? SalesforceId}{(Reason == null ? "" : ": " + Reason)}";

        /// <summary>What a row that writes, links, deactivates or is disputed has besides its action and reason.</summary>
        private sealed class Details
        {
            public DeactivationReason DeactivationReason;
            public IReadOnlyList<FieldChange> Changes = NoChanges;
            public DepartmentChange? DepartmentChange;
            public IReadOnlyList<GroupRef> GroupsToJoin = NoGroups;
            public IReadOnlyList<GroupRef> GroupsToLeave = NoGroups;
            public bool CreatesLink;
            public IReadOnlyList<string> DisputedCandidates = NoCandidates;
            public bool SendWelcomeEmail;
        }
    }
}
