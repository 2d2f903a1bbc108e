using System;
using System.Collections.Generic;
using LmsSync.Core.Lms;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// LMS emails and logins are unique. A user to create or update whose email or login, once the plan is
    /// applied, would equal another LMS user's (or another new user's) is disputed instead — naming the others —
    /// so no write fails half-way and nothing is guessed. Users already sharing a value are left as they are.
    /// Runs until stable: a disputed user keeps its current value, which may in turn clash with another write.
    /// </summary>
    internal static class IdentityCollisions
    {
        public static void Resolve(PlanEntry[] entries, LmsSnapshot lms, LmsFieldCatalog catalog)
        {
            var fields = new List<string>();
            if (catalog.EmailField != null) fields.Add(catalog.EmailField);
            if (catalog.LoginField != null && !string.Equals(catalog.LoginField, catalog.EmailField, StringComparison.OrdinalIgnoreCase)) fields.Add(catalog.LoginField);
            foreach (var field in fields)
                while (ResolveOnce(entries, lms, catalog, field)) { }
        }

        private static bool ResolveOnce(PlanEntry[] entries, LmsSnapshot lms, LmsFieldCatalog catalog, string field)
        {
            var writes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!entry.Syncs) continue;
                var write = Written(entry, field);
                if (write.HasValue) writes[Owner(entry)] = write.Value.Value;
            }
            if (writes.Count == 0) return false;

            var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var user in lms.Users)
                Add(owners, writes.TryGetValue(user.LmsId, out var planned) ? planned : Current(user, field, catalog), user.LmsId);
            foreach (var entry in entries)
                if (entry.Syncs && entry.Creating && writes.TryGetValue(Owner(entry), out var created)) Add(owners, created, Owner(entry));

            var changed = false;
            foreach (var entry in entries)
            {
                if (!entry.Syncs || !writes.TryGetValue(Owner(entry), out var value) || string.IsNullOrWhiteSpace(value)) continue;
                var holders = owners[value!.Trim()];
                if (holders.Count < 2) continue;
                var others = new List<string>();
                foreach (var holder in holders)
                    if (holder != Owner(entry)) others.Add(holder.StartsWith("new:", StringComparison.Ordinal) ? "Salesforce " + holder.Substring(4) : "LMS " + holder);
                entry.Syncs = false;
                entry.Row = Rows.Disputed(entry,
                    $"{field} '{value.Trim()}' would also belong to {string.Join(", ", others)}; {field} must be unique in the LMS, so make it unique in Salesforce",
                    others);
                changed = true;
            }
            return changed;
        }

        /// <summary>The value the row writes to the field, or null when it leaves the field alone.</summary>
        private static KeyValuePair<string, string?>? Written(PlanEntry entry, string field)
        {
            foreach (var change in entry.Changes!)
                if (string.Equals(change.Field, field, StringComparison.OrdinalIgnoreCase)) return new KeyValuePair<string, string?>(field, change.New);
            return null;
        }

        private static string Owner(PlanEntry entry) => entry.LmsUser?.LmsId ?? "new:" + entry.Source.SalesforceId;

        private static string? Current(LmsUser user, string field, LmsFieldCatalog catalog)
        {
            if (user.Fields.TryGetValue(field, out var value)) return value;
            if (string.Equals(field, catalog.EmailField, StringComparison.OrdinalIgnoreCase)) return user.Email;
            if (string.Equals(field, catalog.LoginField, StringComparison.OrdinalIgnoreCase)) return user.Login;
            return null;
        }

        private static void Add(Dictionary<string, List<string>> owners, string? value, string owner)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            var key = value!.Trim();
            if (!owners.TryGetValue(key, out var list)) owners[key] = list = new List<string>(1);
            list.Add(owner);
        }
    }
}
