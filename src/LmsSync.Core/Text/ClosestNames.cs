using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LmsSync.Core.Text
{
    /// <summary>
    /// "Did you mean …?" for any name a user typed (Salesforce fields, LMS fields, rule names): the
    /// closest candidates by edit distance, ignoring case, counting a swap of two neighbours as one edit.
    /// </summary>
    public static class ClosestNames
    {
        public static IReadOnlyList<string> Find(string wanted, IEnumerable<string> candidates, int max = 3)
        {
            var target = (wanted ?? "").Trim().ToLowerInvariant();
            if (target.Length == 0) return new string[0];
            // Far-off names are noise: allow about one edit per three letters (at least two); a name that
            // starts with what was typed (or the reverse) is related however long it is.
            var threshold = Math.Max(2, target.Length / 3);
            return candidates
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => new { name, lower = name.ToLowerInvariant() })
                .Select(c => new { c.name, distance = Distance(target, c.lower), related = c.lower.StartsWith(target, StringComparison.Ordinal) || target.StartsWith(c.lower, StringComparison.Ordinal) })
                .Where(c => c.distance <= threshold || (c.related && Math.Min(target.Length, c.name.Length) >= 3))
                .OrderBy(c => c.distance)
                .ThenBy(c => c.name, StringComparer.OrdinalIgnoreCase)
                .Take(max)
                .Select(c => c.name)
                .ToList();
        }

        /// <summary>" Did you mean 'A', 'B' or 'C'?" — or "" when nothing is close.</summary>
        public static string DidYouMean(string wanted, IEnumerable<string> candidates)
        {
            var closest = Find(wanted, candidates);
            if (closest.Count == 0) return "";
            var text = new StringBuilder(" Did you mean ");
            for (var i = 0; i < closest.Count; i++)
            {
                if (i > 0) text.Append(i == closest.Count - 1 ? " or " : ", ");
                text.Append('\'').Append(closest[i]).Append('\'');
            }
            return text.Append('?').ToString();
        }

        /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
        public static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, d[i - 2, j - 2] + 1);
                    d[i, j] = best;
                }
            }
            return d[a.Length, b.Length];
        }
    }
}
