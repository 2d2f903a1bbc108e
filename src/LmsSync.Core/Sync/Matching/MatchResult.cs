using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Which LMS user a Salesforce user is, and how that was found; or that no user matched; or that the
    /// match is disputed (several candidates, or a candidate already linked to someone else), never a guess.
    /// </summary>
    public sealed class MatchResult
    {
        private static readonly IReadOnlyList<LmsUser> NoCandidates = new LmsUser[0];

        private MatchResult(MatchMethod method, LmsUser? user, bool isLinked, IReadOnlyList<LmsUser> candidates, string? dispute, bool staleLink)
        {
            Method = method;
            User = user;
            IsLinked = isLinked;
            Candidates = candidates;
            Dispute = dispute;
            StaleLink = staleLink;
        }

        public MatchMethod Method { get; }

        /// <summary>The matched LMS user; null when none matched or the match is disputed.</summary>
        public LmsUser? User { get; }

        /// <summary>The stored link already pairs these two users.</summary>
        public bool IsLinked { get; }

        /// <summary>The LMS users in dispute (empty unless <see cref="IsDisputed"/>).</summary>
        public IReadOnlyList<LmsUser> Candidates { get; }

        /// <summary>Why the match is disputed, naming every candidate; null when it is not.</summary>
        public string? Dispute { get; }

        public bool IsDisputed => Dispute != null;

        /// <summary>A stored link pointed at an LMS user that no longer exists.</summary>
        public bool StaleLink { get; }

        public bool IsMatched => User != null;

        internal static MatchResult None(bool staleLink) => new MatchResult(MatchMethod.None, null, false, NoCandidates, null, staleLink);

        internal static MatchResult Matched(MatchMethod method, LmsUser user, bool isLinked, bool staleLink) =>
            new MatchResult(method, user, isLinked, NoCandidates, null, staleLink);

        internal static MatchResult Disputed(MatchMethod method, IReadOnlyList<LmsUser> candidates, string dispute, bool staleLink) =>
            new MatchResult(method, null, false, candidates, dispute, staleLink);
    }
}
