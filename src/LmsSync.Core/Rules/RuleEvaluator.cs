using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        private readonly Decision[] _decisions;
        private readonly Decision _noneMatched;
        private static readonly Decision NoRules = new Decision(ImportWithoutRules);

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
            _decisions = new Decision[_rules.Length];
            for (var i = 0; i < _rules.Length; i++) _decisions[i] = new Decision(this, _rules[i].Action, _rules[i].Name, _reasons[i], i + 1);
            _noneMatched = new Decision(this, RuleAction.Import, null, "no import rule matched", _rules.Length);
        }

        [MethodImpl(Jit.Optimized)]
        public RuleVerdict Evaluate(SourceUser user)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            return Decide(user).For(user);
        }

        /// <summary>
        /// The decision for a user without its per-user verdict: the planner keeps this (one shared object per rule)
        /// and makes the <see cref="RuleVerdict"/> only when a row's verdict is read.
        /// </summary>
        internal Decision Decide(SourceUser user)
        {
            if (_rules.Length == 0) return NoRules;
            for (var i = 0; i < _rules.Length; i++)
                if (Holds(i, user)) return _decisions[i];
            return _noneMatched;
        }

        /// <summary>One possible outcome of the rules (which rule decided, or none), shared by every user it applies to.</summary>
        internal sealed class Decision
        {
            private readonly RuleVerdict? _fixed;
            private readonly RuleEvaluator? _evaluator;
            private readonly int _consulted;

            public Decision(RuleVerdict fixedVerdict)
            {
                _fixed = fixedVerdict;
                Action = fixedVerdict.Action;
                DecidingRule = fixedVerdict.DecidingRule;
                Reason = fixedVerdict.Reason;
            }

            public Decision(RuleEvaluator evaluator, RuleAction action, string? decidingRule, string reason, int consulted)
            {
                _evaluator = evaluator;
                Action = action;
                DecidingRule = decidingRule;
                Reason = reason;
                _consulted = consulted;
            }

            public RuleAction Action { get; }
            public string? DecidingRule { get; }
            public string Reason { get; }
            public bool IsSkip => Action == RuleAction.Skip;

            /// <summary>The verdict as <see cref="Evaluate"/> gives it for <paramref name="user"/>.</summary>
            public RuleVerdict For(SourceUser user) => _fixed ?? new RuleVerdict(Action, DecidingRule, Reason, _evaluator!, user, _consulted);
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
