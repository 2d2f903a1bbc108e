using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Pairs Salesforce users with LMS users by, in order: the stored link, the Salesforce Id kept in the LMS,
    /// email (case-insensitive), login (case-insensitive). The first method that finds anyone decides. More
    /// than one candidate, or a candidate already linked to another Salesforce user, is a dispute.
    /// Build once per run (it indexes the snapshot); <see cref="Match(string, string?, string?)"/> is O(1).
    /// </summary>
    public sealed class Matcher
    {
        // Presized: growing 100,000-entry tables leaves megabytes of garbage behind.
        private readonly Dictionary<string, LmsUser> _usersById;
        private readonly Dictionary<string, Link> _linkBySalesforceId;
        private readonly Dictionary<string, Link> _linkByLmsId;
        private readonly UserIndex _bySalesforceIdField;
        private readonly UserIndex _byEmail;
        private readonly UserIndex _byLogin;

        public Matcher(LmsSnapshot lms, IEnumerable<Link>? links) : this(lms, links, PerUser.Default)
        {
        }

        internal Matcher(LmsSnapshot lms, IEnumerable<Link>? links, PerUser perUser)
        {
            if (lms == null) throw new ArgumentNullException(nameof(lms));
            var users = lms.Users.Count;
            var linkCount = links is IReadOnlyCollection<Link> collection ? collection.Count : 0;
            _usersById = new Dictionary<string, LmsUser>(users, StringComparer.Ordinal);
            _linkBySalesforceId = new Dictionary<string, Link>(linkCount, SalesforceKeyComparer.Instance);
            _linkByLmsId = new Dictionary<string, Link>(linkCount, StringComparer.Ordinal);
            _bySalesforceIdField = new UserIndex(SalesforceKeyComparer.Instance, 0);
            _byEmail = new UserIndex(StringComparer.OrdinalIgnoreCase, users);
            _byLogin = new UserIndex(StringComparer.OrdinalIgnoreCase, users);
            // Three independent groups of tables, filled at the same time for a large snapshot (a good 100 ms of CPU for
            // 100,000 users); each table by one thread in the snapshot's order, so users sharing a key keep their order.
            perUser.Invoke(users + linkCount, () => IndexById(lms.Users), () => IndexByEmailAndLogin(lms.Users), () => IndexLinks(links));
        }

        [MethodImpl(Jit.Optimized)]
        private void IndexById(IReadOnlyList<LmsUser> users)
        {
            foreach (var user in users)
            {
                _usersById[user.LmsId] = user;
                _bySalesforceIdField.Add(user.SalesforceId, user);
            }
        }

        [MethodImpl(Jit.Optimized)]
        private void IndexByEmailAndLogin(IReadOnlyList<LmsUser> users)
        {
            foreach (var user in users)
            {
                _byEmail.Add(user.Email, user);
                _byLogin.Add(user.Login, user);
            }
        }

        [MethodImpl(Jit.Optimized)]
        private void IndexLinks(IEnumerable<Link>? links)
        {
            if (links == null) return;
            foreach (var link in links)
            {
                _linkBySalesforceId[link.SalesforceId] = link;
                _linkByLmsId[link.LmsId] = link;
            }
        }

        [MethodImpl(Jit.Optimized)]
        public MatchResult Match(DesiredUser user) => MatchById(user.SalesforceId, user.Email, user.Login);

        public MatchResult Match(string salesforceId, string? email, string? login)
        {
            if (salesforceId == null) throw new ArgumentNullException(nameof(salesforceId));
            return MatchById(salesforceId, email, login);
        }

        [MethodImpl(Jit.Optimized)]
        private MatchResult MatchById(string salesforceId, string? email, string? login)
        {
            var stale = false;
            if (_linkBySalesforceId.TryGetValue(salesforceId, out var link))
            {
                if (_usersById.TryGetValue(link.LmsId, out var linked)) return MatchResult.Matched(MatchMethod.Link, linked, isLinked: true, staleLink: false);
                stale = true;
            }
            return Decide(MatchMethod.SalesforceIdField, _bySalesforceIdField.Find(salesforceId), salesforceId, stale)
                ?? Decide(MatchMethod.Email, _byEmail.Find(email), salesforceId, stale)
                ?? Decide(MatchMethod.Login, _byLogin.Find(login), salesforceId, stale)
                ?? MatchResult.None(stale);
        }

        /// <summary>The link that makes an LMS user the integration's, or null for a user it does not manage.</summary>
        [MethodImpl(Jit.Optimized)]
        public Link? LinkOf(string lmsId) => _linkByLmsId.TryGetValue(lmsId, out var link) ? link : null;

        /// <summary>The LMS user with this id, or null.</summary>
        [MethodImpl(Jit.Optimized)]
        public LmsUser? UserById(string lmsId) => _usersById.TryGetValue(lmsId, out var user) ? user : null;

        [MethodImpl(Jit.Optimized)]
        private MatchResult? Decide(MatchMethod method, IReadOnlyList<LmsUser> candidates, string salesforceId, bool stale)
        {
            if (candidates.Count == 0) return null;
            if (candidates.Count > 1)
                return MatchResult.Disputed(method, candidates, $"{candidates.Count} LMS users match by {Describe(method)}: {Name(candidates)}", stale);
            var user = candidates[0];
            var owner = LinkOf(user.LmsId);
            if (owner != null && !SalesforceKeyComparer.Instance.Equals(owner.SalesforceId, salesforceId))
                return MatchResult.Disputed(method, candidates,
                    $"LMS user {Name(candidates)} matches by {Describe(method)} but is already linked to Salesforce user {owner.SalesforceId}", stale);
            return MatchResult.Matched(method, user, isLinked: owner != null, staleLink: stale);
        }

        private static string Describe(MatchMethod method) => method switch
        {
            MatchMethod.SalesforceIdField => "the Salesforce Id kept in the LMS",
            MatchMethod.Email => "email",
            MatchMethod.Login => "login",
            _ => method.ToString(),
        };

        internal static string Name(IReadOnlyList<LmsUser> users)
        {
            var text = new StringBuilder();
            for (var i = 0; i < users.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(users[i].LmsId).Append(" (").Append(users[i].Email ?? users[i].Login ?? "no email").Append(')');
            }
            return text.ToString();
        }
    }
}
