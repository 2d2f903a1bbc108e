using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// The field changes of a user to create or update. On create every mapped value is written. On update,
    /// mapped values are compared with the LMS's field by field, normalised (trimmed; emails and logins
    /// ignoring case); unmapped fields are left alone, and a default that applies on create never updates.
    /// </summary>
    internal sealed class ChangeCalculator
    {
        private static readonly IReadOnlyList<FieldChange> None = new FieldChange[0];
        private readonly LmsFieldCatalog _catalog;
        private readonly LmsCapabilities _capabilities;

        public ChangeCalculator(LmsFieldCatalog catalog, LmsCapabilities capabilities)
        {
            _catalog = catalog;
            _capabilities = capabilities;
        }

        public IReadOnlyList<FieldChange> Changes(DesiredUser desired, LmsUser? current)
        {
            List<FieldChange>? changes = null;
            foreach (var pair in desired.Fields)
            {
                var value = pair.Value;
                if (current == null)
                {
                    if (value.Value != null) (changes ??= new List<FieldChange>()).Add(new FieldChange(pair.Key, null, value.Value));
                    continue;
                }
                if (!value.AppliesOnUpdate) continue;
                var old = CurrentValue(current, pair.Key);
                if (!Same(pair.Key, old, value.Value)) (changes ??= new List<FieldChange>()).Add(new FieldChange(pair.Key, old, value.Value));
            }
            return changes ?? None;
        }

        /// <summary>The LMS's value; falls back to the user's email, login or Salesforce Id when the connector left the field out.</summary>
        private string? CurrentValue(LmsUser user, string field)
        {
            if (user.Fields.TryGetValue(field, out var value)) return value;
            if (Is(field, _catalog.EmailField)) return user.Email;
            if (Is(field, _catalog.LoginField)) return user.Login;
            if (Is(field, _capabilities.SalesforceIdField)) return user.SalesforceId;
            return null;
        }

        private bool Same(string field, string? old, string? @new) =>
            _catalog.TryResolve(field, out var definition)
                ? definition.SameValue(old, @new)
                : string.Equals((old ?? "").Trim(), (@new ?? "").Trim(), System.StringComparison.Ordinal);

        private static bool Is(string field, string? name) => name != null && string.Equals(field, name, System.StringComparison.OrdinalIgnoreCase);
    }
}
