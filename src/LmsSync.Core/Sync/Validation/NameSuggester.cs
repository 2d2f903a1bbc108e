using System;
using System.Collections.Generic;
using System.Text;

namespace LmsSync.Core.Sync.Validation
{
    /// <summary>"Did you mean …?": the closest known names by edit distance, ignoring case.</summary>
    public static class NameSuggester
    {
        /// <summary>Up to <paramref name="max"/> names within a small edit distance of <paramref name="name"/>, closest first.</summary>
        public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known, int max = 3)
        {
            var target = name.Trim().ToLowerInvariant();
            var threshold = Math.Max(2, target.Length / 3);
            var scored = new List<KeyValuePair<int, string>>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var candidate in known)
            {
                if (!seen.Add(candidate)) continue;
                var distance = Distance(target, candidate.ToLowerInvariant());
                if (distance <= threshold) scored.Add(new KeyValuePair<int, string>(distance, candidate));
            }
            scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
            var result = new List<string>();
            for (var i = 0; i < scored.Count && i < max; i++) result.Add(scored[i].Value);
            return result;
        }

        /// <summary>" Did you mean 'A' or 'B'?", or empty when nothing is close.</summary>
        public static string DidYouMean(string name, IEnumerable<string> known)
        {
            var closest = Closest(name, known);
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
        internal static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, d[i - 2, j - 2] + 1);
                    d[i, j] = best;
                }
            return d[a.Length, b.Length];
        }
    }
}
