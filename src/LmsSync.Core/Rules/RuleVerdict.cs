using System.Collections.Generic;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// The import decision for one user: the action, the rule that decided it (null when no rule matched),
    /// and the outcome of every rule consulted up to the deciding one, so a preview can explain itself.
    /// </summary>
    public sealed class RuleVerdict
    {
        public RuleVerdict(RuleAction action, string? decidingRule, string reason, IReadOnlyList<RuleOutcome> rules)
        {
            Action = action;
            DecidingRule = decidingRule;
            Reason = reason;
            Rules = rules;
        }

        public RuleAction Action { get; }
        public string? DecidingRule { get; }
        public string Reason { get; }
        public IReadOnlyList<RuleOutcome> Rules { get; }
        public bool IsSkip => Action == RuleAction.Skip;
    }
}
