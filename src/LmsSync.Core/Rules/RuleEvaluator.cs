using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// Decides whether a Salesforce user is imported. Rules are consulted in order and the first whose
    /// conditions hold decides (Skip or Import); when none holds the user is imported. Build once per run
    /// (regular expressions are compiled here); <see cref="Evaluate"/> is thread-safe.
    /// </summary>
    public sealed class RuleEvaluator
    {
        /// <summary>The default time limit of one regular-expression match.</summary>
        public static readonly TimeSpan DefaultRegexTimeout = TimeSpan.FromMilliseconds(200);

        private static readonly IReadOnlyList<RuleOutcome> NoOutcomes = new RuleOutcome[0];
        private static readonly RuleVerdict ImportWithoutRules = new RuleVerdict(RuleAction.Import, null, "no import rules", NoOutcomes);

        private readonly ImportRule[] _rules;
        private readonly CompiledCondition[][] _conditions;

        public RuleEvaluator(IEnumerable<ImportRule>? rules, TimeSpan? regexTimeout = null)
        {
            var timeout = regexTimeout ?? DefaultRegexTimeout;
            var list = new List<ImportRule>(rules ?? new ImportRule[0]);
            _rules = list.ToArray();
            _conditions = new CompiledCondition[_rules.Length][];
            for (var i = 0; i < _rules.Length; i++)
            {
                var conditions = _rules[i].Conditions;
                _conditions[i] = new CompiledCondition[conditions.Count];
                for (var j = 0; j < conditions.Count; j++)
                    _conditions[i][j] = new CompiledCondition(conditions[j], _rules[i].CaseSensitive, timeout);
            }
        }

        public RuleVerdict Evaluate(SourceUser user)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            if (_rules.Length == 0) return ImportWithoutRules;
            var outcomes = new List<RuleOutcome>(_rules.Length);
            for (var i = 0; i < _rules.Length; i++)
            {
                var rule = _rules[i];
                var conditions = _conditions[i];
                var results = new ConditionOutcome[conditions.Length];
                var all = conditions.Length > 0;
                var any = false;
                for (var j = 0; j < conditions.Length; j++)
                {
                    results[j] = conditions[j].Evaluate(user.Record);
                    all &= results[j].Result;
                    any |= results[j].Result;
                }
                var matched = rule.Join == ConditionJoin.All ? all : any;
                outcomes.Add(new RuleOutcome(rule, matched, results));
                if (matched)
                {
                    var reason = rule.Action == RuleAction.Skip
                        ? $"skipped by import rule '{rule.Name}'"
                        : $"imported by import rule '{rule.Name}'";
                    return new RuleVerdict(rule.Action, rule.Name, reason, outcomes);
                }
            }
            return new RuleVerdict(RuleAction.Import, null, "no import rule matched", outcomes);
        }
    }
}
