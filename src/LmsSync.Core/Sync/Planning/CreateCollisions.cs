using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Two Salesforce users that would be created with the same email or login cannot both exist in the LMS;
    /// instead of letting the second create fail, both are disputed, each naming the other.
    /// </summary>
    internal static class CreateCollisions
    {
        public static void Resolve(PlanEntry[] entries)
        {
            Check(entries, e => e.Desired.Email, "email");
            Check(entries, e => e.Desired.Login, "login");
        }

        private static void Check(PlanEntry[] entries, Func<PlanEntry, string?> key, string what)
        {
            var first = new Dictionary<string, PlanEntry>(StringComparer.OrdinalIgnoreCase);
            Dictionary<string, List<PlanEntry>>? clashes = null;
            foreach (var entry in entries)
            {
                if (!entry.Syncs || !entry.Creating) continue;
                var value = key(entry)?.Trim();
                if (string.IsNullOrEmpty(value)) continue;
                if (!first.TryGetValue(value!, out var earlier))
                {
                    first[value!] = entry;
                    continue;
                }
                clashes ??= new Dictionary<string, List<PlanEntry>>(StringComparer.OrdinalIgnoreCase);
                if (!clashes.TryGetValue(value!, out var list)) clashes[value!] = list = new List<PlanEntry> { earlier };
                list.Add(entry);
            }
            if (clashes == null) return;
            foreach (var pair in clashes)
                foreach (var entry in pair.Value)
                {
                    var candidates = new List<string>();
                    foreach (var other in pair.Value)
                        candidates.Add($"Salesforce {other.Source.SalesforceId} ({other.Source.DisplayName})");
                    entry.Syncs = false;
                    entry.Row = Rows.Disputed(entry,
                        $"{pair.Value.Count} Salesforce users would be created with {what} '{pair.Key}'; make it unique in Salesforce", candidates);
                }
        }
    }
}
