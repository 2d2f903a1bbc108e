using System.Collections.Generic;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// A named import rule: conditions joined by <see cref="Join"/>, and the <see cref="Action"/> taken when
    /// they hold. Rules are consulted in order; the first that matches decides; none matching means Import.
    /// A rule without conditions never matches (validation reports it).
    /// </summary>
    public sealed class ImportRule
    {
        public string Name { get; set; } = "";
        public RuleAction Action { get; set; } = RuleAction.Skip;
        public ConditionJoin Join { get; set; } = ConditionJoin.All;

        /// <summary>Text comparisons respect case (they ignore it by default).</summary>
        public bool CaseSensitive { get; set; }

        public List<RuleCondition> Conditions { get; set; } = new List<RuleCondition>();
    }
}
