using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Settles LMS users that several Salesforce users matched in the same run (two Salesforce users with one
    /// email). A single claimant with identity evidence (the Salesforce Id kept in the LMS) keeps the user;
    /// otherwise every claimant is disputed, naming the others. Links cannot collide here: the matcher already
    /// disputes a match on a user linked to someone else.
    /// </summary>
    internal static class ClaimResolver
    {
        [MethodImpl(Jit.Optimized)]
        public static void Resolve(PlanEntry[] entries)
        {
            var first = new Dictionary<string, PlanEntry>(entries.Length, StringComparer.Ordinal);
            Dictionary<string, List<PlanEntry>>? contested = null;
            foreach (var entry in entries)
            {
                var user = entry.Match.User;
                if (user == null || entry.Row != null) continue;
                if (!first.TryGetValue(user.LmsId, out var earlier))
                {
                    first[user.LmsId] = entry;
                    continue;
                }
                contested ??= new Dictionary<string, List<PlanEntry>>(StringComparer.Ordinal);
                if (!contested.TryGetValue(user.LmsId, out var list)) contested[user.LmsId] = list = new List<PlanEntry> { earlier };
                list.Add(entry);
            }
            if (contested == null) return;
            foreach (var claimants in contested.Values) Settle(claimants);
        }

        private static void Settle(List<PlanEntry> claimants)
        {
            var best = MatchMethod.Login;
            foreach (var claimant in claimants)
                if (claimant.Match.Method < best) best = claimant.Match.Method;
            PlanEntry? winner = null;
            if (best <= MatchMethod.SalesforceIdField)
            {
                foreach (var claimant in claimants)
                    if (claimant.Match.Method == best) winner = winner == null ? claimant : null;
            }
            var lms = claimants[0].Match.User!;
            foreach (var claimant in claimants)
            {
                if (claimant == winner) continue;
                var candidates = new List<string> { $"LMS {Matcher.Name(new[] { lms })}" };
                foreach (var other in claimants)
                    if (other != claimant) candidates.Add($"Salesforce {other.Source.SalesforceId} ({other.Source.DisplayName})");
                claimant.ClaimCandidates = candidates;
                claimant.ClaimDispute = winner != null
                    ? $"LMS user {lms.LmsId} matches by {claimant.Match.Method}, but Salesforce user {winner.Source.SalesforceId} is stored on it as its Salesforce Id"
                    : $"LMS user {lms.LmsId} matches {claimants.Count} Salesforce users ({string.Join(", ", candidates.GetRange(1, candidates.Count - 1))} and this one); make the {claimant.Match.Method} unique in Salesforce";
            }
        }
    }
}
