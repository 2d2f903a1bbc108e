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
        private readonly string[] _reasons;

        public RuleEvaluator(IEnumerable<ImportRule>? rules, TimeSpan? regexTimeout = null)
        {
            var timeout = regexTimeout ?? DefaultRegexTimeout;
            var list = new List<ImportRule>(rules ?? new ImportRule[0]);
            _rules = list.ToArray();
            _conditions = new CompiledCondition[_rules.Length][];
            _reasons = new string[_rules.Length];
            for (var i = 0; i < _rules.Length; i++)
            {
                var conditions = _rules[i].Conditions;
                _conditions[i] = new CompiledCondition[conditions.Count];
                for (var j = 0; j < conditions.Count; j++)
                    _conditions[i][j] = new CompiledCondition(conditions[j], _rules[i].CaseSensitive, timeout);
                _reasons[i] = _rules[i].Action == RuleAction.Skip
                    ? $"skipped by import rule '{_rules[i].Name}'"
                    : $"imported by import rule '{_rules[i].Name}'";
            }
        }

        public RuleVerdict Evaluate(SourceUser user)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            if (_rules.Length == 0) return ImportWithoutRules;
            for (var i = 0; i < _rules.Length; i++)
            {
                if (!Holds(i, user)) continue;
                return new RuleVerdict(_rules[i].Action, _rules[i].Name, _reasons[i], this, user, i + 1);
            }
            return new RuleVerdict(RuleAction.Import, null, "no import rule matched", this, user, _rules.Length);
        }

        /// <summary>Whether rule <paramref name="index"/> matches, without recording outcomes (the planner's hot path).</summary>
        private bool Holds(int index, SourceUser user)
        {
            var conditions = _conditions[index];
            if (conditions.Length == 0) return false;
            var all = _rules[index].Join == ConditionJoin.All;
            for (var j = 0; j < conditions.Length; j++)
            {
                var result = conditions[j].Holds(user.Record);
                if (all && !result) return false;
                if (!all && result) return true;
            }
            return all;
        }

        /// <summary>The outcomes of the first <paramref name="consulted"/> rules, every condition evaluated.</summary>
        internal IReadOnlyList<RuleOutcome> Explain(SourceUser user, int consulted)
        {
            var outcomes = new List<RuleOutcome>(consulted);
            for (var i = 0; i < consulted; i++)
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
                outcomes.Add(new RuleOutcome(rule, rule.Join == ConditionJoin.All ? all : any, results));
            }
            return outcomes;
        }
    }
}
