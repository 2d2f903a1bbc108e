using System.Collections.Generic;

namespace LmsSync.Core.Rules
{
    /// <summary>How one rule came out for one user, with each condition's outcome.</summary>
    public sealed class RuleOutcome
    {
        public RuleOutcome(ImportRule rule, bool matched, IReadOnlyList<ConditionOutcome> conditions)
        {
            Rule = rule;
            Matched = matched;
            Conditions = conditions;
        }

        public ImportRule Rule { get; }
        public string RuleName => Rule.Name;
        public bool Matched { get; }
        public IReadOnlyList<ConditionOutcome> Conditions { get; }
    }
}
