using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Lms;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// LMS emails and logins are unique. A user to create or update whose email or login, once the plan is
    /// applied, would equal another LMS user's (or another new user's) is disputed instead — naming the others —
    /// so no write fails half-way and nothing is guessed. Users already sharing a value are left as they are.
    /// Runs until stable: a disputed user keeps its current value, which may in turn clash with another write.
    /// Only values the plan writes are indexed, so the usual run costs one pass over the LMS users.
    /// </summary>
    internal static class IdentityCollisions
    {
        public static void Resolve(PlanEntry[] entries, LmsSnapshot lms, LmsFieldCatalog catalog, PerUser perUser)
        {
            var fields = new List<string>();
            if (catalog.EmailField != null) fields.Add(catalog.EmailField);
            if (catalog.LoginField != null && !string.Equals(catalog.LoginField, catalog.EmailField, StringComparison.OrdinalIgnoreCase)) fields.Add(catalog.LoginField);
            foreach (var field in fields)
                while (ResolveOnce(entries, lms, catalog, field, perUser)) { }
        }

        [MethodImpl(Jit.Optimized)]
        private static bool ResolveOnce(PlanEntry[] entries, LmsSnapshot lms, LmsFieldCatalog catalog, string field, PerUser perUser)
        {
            // Owner → value written; and the written values, each with the owners that will hold it.
            var writes = new Dictionary<string, string>(StringComparer.Ordinal);
            var holders = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (!entry.Syncs) continue;
                var value = Written(entry, field);
                if (string.IsNullOrWhiteSpace(value)) continue;
                var key = value!.Trim();
                writes[Owner(entry)] = key;
                if (!holders.TryGetValue(key, out var list)) holders[key] = list = new List<string>(1);
                list.Add(Owner(entry));
            }
            if (writes.Count == 0) return false;

            // The scan of every LMS user reads the two tables only, so it runs in chunks on every core; each chunk's
            // holders are added afterwards in chunk order, as a sequential scan would have added them.
            var users = lms.Users;
            var found = perUser.Map(users.Count, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                List<KeyValuePair<List<string>, string>>? mine = null;
                for (var i = from; i < to; i++)
                {
                    var user = users[i];
                    var current = Current(user, field, catalog);
                    if (string.IsNullOrWhiteSpace(current) || !holders.TryGetValue(current!.Trim(), out var list)) continue;
                    // Asked only of the few users holding a written value, not of every LMS user: its current value is being replaced.
                    if (!writes.ContainsKey(user.LmsId)) (mine ??= new List<KeyValuePair<List<string>, string>>()).Add(new KeyValuePair<List<string>, string>(list, user.LmsId));
                }
                return mine;
            });
            foreach (var chunk in found)
                if (chunk != null)
                    foreach (var holder in chunk) holder.Key.Add(holder.Value);

            var changed = false;
            foreach (var entry in entries)
            {
                if (!entry.Syncs || !writes.TryGetValue(Owner(entry), out var value)) continue;
                var owners = holders[value];
                if (owners.Count < 2) continue;
                var others = new List<string>();
                foreach (var owner in owners)
                    if (owner != Owner(entry)) others.Add(owner.StartsWith(NewPrefix, StringComparison.Ordinal) ? "Salesforce " + owner.Substring(NewPrefix.Length) : "LMS " + owner);
                entry.Syncs = false;
                entry.Row = Rows.Disputed(entry,
                    $"{field} '{value}' would also belong to {string.Join(", ", others)}; {field} must be unique in the LMS, so make it unique in Salesforce",
                    others);
                changed = true;
            }
            return changed;
        }

        private const string NewPrefix = "new:";

        /// <summary>The value the row writes to the field, or null when it leaves the field alone.</summary>
        [MethodImpl(Jit.Optimized)]
        private static string? Written(PlanEntry entry, string field)
        {
            var changes = entry.Changes!;
            for (var i = 0; i < changes.Count; i++)
                if (string.Equals(changes[i].Field, field, StringComparison.OrdinalIgnoreCase)) return changes[i].New;
            return null;
        }

        private static string Owner(PlanEntry entry) => entry.LmsUser?.LmsId ?? NewPrefix + entry.Source.SalesforceId;

        [MethodImpl(Jit.Optimized)]
        private static string? Current(LmsUser user, string field, LmsFieldCatalog catalog)
        {
            if (user.Fields.TryGetValue(field, out var value)) return value;
            if (string.Equals(field, catalog.EmailField, StringComparison.OrdinalIgnoreCase)) return user.Email;
            if (string.Equals(field, catalog.LoginField, StringComparison.OrdinalIgnoreCase)) return user.Login;
            return null;
        }
    }
}
