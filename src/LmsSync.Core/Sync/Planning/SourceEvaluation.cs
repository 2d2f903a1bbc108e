using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// The part of planning that needs no LMS data, done user by user as the Salesforce pages arrive, while the LMS is
    /// still being read: each user's import decision, mapped values and scope check, and the first position of each
    /// Salesforce key. The planner then only matches and decides. It uses an evaluation only when it was made from its
    /// own input's users, mapping, catalogue, capabilities, rules and scope, and evaluates afresh otherwise, so a plan
    /// is the same with or without one.
    /// </summary>
    internal sealed class SourceEvaluation
    {
        internal const int MaxExpected = 1_000_000;

        private readonly SyncMapping _mapping;
        private readonly LmsFieldCatalog _catalog;
        private readonly LmsCapabilities _capabilities;
        private readonly IReadOnlyList<ImportRule> _ruleList;
        private readonly ImportScope? _scopeSettings;
        private readonly Mapper _mapper;
        private readonly RuleEvaluator _rules;
        private readonly ScopeFilter _scope;
        private readonly List<Evaluated> _users;
        private Dictionary<string, int> _firstIndex;

        public SourceEvaluation(SyncMapping mapping, LmsFieldCatalog catalog, LmsCapabilities capabilities, IReadOnlyList<ImportRule>? rules,
            ImportScope? scope, int expectedUsers = 0)
        {
            _mapping = mapping;
            _catalog = catalog;
            _capabilities = capabilities;
            _ruleList = rules ?? new ImportRule[0];
            _scopeSettings = scope;
            _mapper = new Mapper(mapping, catalog, capabilities);
            _rules = new RuleEvaluator(_ruleList);
            _scope = new ScopeFilter(scope);
            _users = new List<Evaluated>(expectedUsers);
            _firstIndex = new Dictionary<string, int>(expectedUsers, SalesforceKeyComparer.Instance);
        }

        /// <summary>
        /// The evaluation of a planner's input, all at once (when none was made while reading). Rules, mapping and scope
        /// read only their settings (the mapper's caches are concurrent), so many users are evaluated on every core, and
        /// added in order.
        /// </summary>
        public static SourceEvaluation Of(PlanInput input, PerUser perUser)
        {
            var users = input.SourceUsers;
            var evaluation = new SourceEvaluation(input.Mapping, input.Catalog, input.Capabilities, input.Rules, input.Scope, users.Count);
            var evaluated = new Evaluated[users.Count];
            perUser.For(users.Count, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                for (var i = from; i < to; i++) evaluated[i] = evaluation.Evaluate(users[i]);
            });
            foreach (var user in evaluated) evaluation.Append(user);
            return evaluation;
        }

        public int Count => _users.Count;

        /// <summary>
        /// Sizes the tables for the users the read announced, before the first is added: grown by doubling instead, a
        /// 100,000-user read leaves megabytes of large-object garbage behind while the LMS is still being read.
        /// </summary>
        public void Expect(int users)
        {
            // Bounded, so a wrong total from the server cannot reserve gigabytes; past it the tables grow as usual.
            users = Math.Min(users, MaxExpected);
            if (_users.Count > 0 || users <= _users.Capacity) return;
            _users.Capacity = users;
            _firstIndex = new Dictionary<string, int>(users, SalesforceKeyComparer.Instance);
        }

        public Evaluated this[int index] => _users[index];

        /// <summary>Each Salesforce key read, with the index of its first record (a later record of the same user is a duplicate).</summary>
        public Dictionary<string, int> FirstIndex => _firstIndex;

        /// <summary>Evaluates the next user read. Not thread-safe: one reader adds, and the planner reads after the read ended.</summary>
        public void Add(SourceUser user) => Append(Evaluate(user));

        [MethodImpl(Jit.Optimized)]
        private Evaluated Evaluate(SourceUser user)
        {
            var verdict = _rules.Decide(user);
            var desired = _mapper.Map(user);
            var scopeReason = verdict.IsSkip ? null : _scope.OutOfScopeReason(desired);
            return new Evaluated(verdict, desired, scopeReason);
        }

        private void Append(Evaluated evaluated)
        {
            if (!_firstIndex.ContainsKey(evaluated.User.SalesforceId)) _firstIndex[evaluated.User.SalesforceId] = _users.Count;
            _users.Add(evaluated);
        }

        /// <summary>True when this is the evaluation of exactly the input's users (the same objects, in order) under the input's settings.</summary>
        public bool Fits(PlanInput input)
        {
            if (!ReferenceEquals(_mapping, input.Mapping) || !ReferenceEquals(_catalog, input.Catalog) || !ReferenceEquals(_capabilities, input.Capabilities)
                || !ReferenceEquals(_scopeSettings, input.Scope) || _ruleList.Count != input.Rules.Count || _users.Count != input.SourceUsers.Count) return false;
            for (var i = 0; i < _ruleList.Count; i++)
                if (!ReferenceEquals(_ruleList[i], input.Rules[i])) return false;
            for (var i = 0; i < _users.Count; i++)
                if (!ReferenceEquals(_users[i].User, input.SourceUsers[i])) return false;
            return true;
        }

        /// <summary>One user's source-side verdict.</summary>
        internal readonly struct Evaluated
        {
            public Evaluated(RuleEvaluator.Decision verdict, DesiredUser desired, string? scopeReason)
            {
                Verdict = verdict;
                Desired = desired;
                ScopeReason = scopeReason;
            }

            /// <summary>The user, as its mapped values name it (not kept twice: 100,000 of these are held through a run).</summary>
            public SourceUser User => Desired.Source;
            public RuleEvaluator.Decision Verdict { get; }
            public DesiredUser Desired { get; }
            public string? ScopeReason { get; }
        }
    }
}
