using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// The import decision for one user: the action, the rule that decided it (null when no rule matched),
    /// and the outcome of every rule consulted up to the deciding one, so a preview can explain itself.
    /// The outcomes are worked out when first asked for (planning 100,000 users rarely needs them).
    /// </summary>
    public sealed class RuleVerdict
    {
        private IReadOnlyList<RuleOutcome>? _rules;
        private readonly RuleEvaluator? _evaluator;
        private readonly SourceUser? _user;
        private readonly int _consulted;

        public RuleVerdict(RuleAction action, string? decidingRule, string reason, IReadOnlyList<RuleOutcome> rules)
        {
            Action = action;
            DecidingRule = decidingRule;
            Reason = reason;
            _rules = rules;
        }

        internal RuleVerdict(RuleAction action, string? decidingRule, string reason, RuleEvaluator evaluator, SourceUser user, int consulted)
        {
            Action = action;
            DecidingRule = decidingRule;
            Reason = reason;
            _evaluator = evaluator;
            _user = user;
            _consulted = consulted;
        }

        public RuleAction Action { get; }
        public string? DecidingRule { get; }
        public string Reason { get; }

        /// <summary>Each rule consulted, in order, with each condition's outcome.</summary>
        public IReadOnlyList<RuleOutcome> Rules => _rules ??= _evaluator!.Explain(_user!, _consulted);

        public bool IsSkip => Action == RuleAction.Skip;
    }
}
