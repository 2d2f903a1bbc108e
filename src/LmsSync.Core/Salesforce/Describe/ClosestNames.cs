using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>"Did you mean": the real names nearest a mistyped one, by case-insensitive edit distance.</summary>
    public static class ClosestNames
    {
        public static IReadOnlyList<string> Find(string wanted, IEnumerable<string> candidates, int max = 3)
        {
            var target = (wanted ?? "").ToLowerInvariant();
            if (target.Length == 0) return new string[0];
            // Far-off names are noise: allow about one edit per three letters (at least two).
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

        /// <summary>Levenshtein distance (insert, delete, substitute each cost 1).</summary>
        public static int Distance(string a, string b)
        {
            if (a.Length == 0) return b.Length;
            if (b.Length == 0) return a.Length;
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
