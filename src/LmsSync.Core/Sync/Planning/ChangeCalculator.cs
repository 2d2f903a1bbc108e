using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using System.Runtime.CompilerServices;

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

        [MethodImpl(Jit.Optimized)]
        public IReadOnlyList<FieldChange> Changes(DesiredUser desired, LmsUser? current)
        {
            List<FieldChange>? changes = null;
            if (desired.Fields is MappedFields fields)
            {
                var names = fields.FieldSchema.Names;
                for (var i = 0; i < names.Length; i++) Consider(names[i], fields.TextAt(i), fields.AppliesOnUpdateAt(i), current, ref changes);
            }
            else
            {
                foreach (var pair in desired.Fields) Consider(pair.Key, pair.Value.Value, pair.Value.AppliesOnUpdate, current, ref changes);
            }
            return changes ?? None;
        }

        [MethodImpl(Jit.Optimized)]
        private void Consider(string field, string? value, bool appliesOnUpdate, LmsUser? current, ref List<FieldChange>? changes)
        {
            if (current == null)
            {
                if (value != null) (changes ??= new List<FieldChange>()).Add(new FieldChange(field, null, value));
                return;
            }
            if (!appliesOnUpdate) return;
            var old = CurrentValue(current, field);
            if (!Same(field, old, value)) (changes ??= new List<FieldChange>()).Add(new FieldChange(field, old, value));
        }

        /// <summary>The LMS's value; falls back to the user's email, login or Salesforce Id when the connector left the field out.</summary>
        [MethodImpl(Jit.Optimized)]
        private string? CurrentValue(LmsUser user, string field)
        {
            if (user.Fields.TryGetValue(field, out var value)) return value;
            if (Is(field, _catalog.EmailField)) return user.Email;
            if (Is(field, _catalog.LoginField)) return user.Login;
            if (Is(field, _capabilities.SalesforceIdField)) return user.SalesforceId;
            return null;
        }

        [MethodImpl(Jit.Optimized)]
        private bool Same(string field, string? old, string? @new)
        {
            if (string.Equals(old, @new, System.StringComparison.Ordinal)) return true;
            return _catalog.TryResolve(field, out var definition)
                ? definition.SameValue(old, @new)
                : string.Equals((old ?? "").Trim(), (@new ?? "").Trim(), System.StringComparison.Ordinal);
        }

        private static bool Is(string field, string? name) => name != null && string.Equals(field, name, System.StringComparison.OrdinalIgnoreCase);
    }
}
