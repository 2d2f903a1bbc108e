using System;
using System.Collections.Generic;
using System.Globalization;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// One Salesforce row with relationship fields flattened to dotted paths
    /// (<c>Manager.Email</c>, <c>Profile.Name</c>). Field names compare case-insensitively, as SOQL does.
    /// Values are <see cref="string"/>, <see cref="bool"/>, <see cref="decimal"/>,
    /// <see cref="DateTimeOffset"/> (datetime fields), <see cref="DateTime"/> (date fields, no time zone) or null.
    /// </summary>
    public sealed class SalesforceRecord
    {
        private readonly Dictionary<string, object?> _fields;

        public SalesforceRecord(string objectType, IEnumerable<KeyValuePair<string, object?>> fields)
        {
            ObjectType = objectType ?? throw new ArgumentNullException(nameof(objectType));
            _fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in fields) _fields[pair.Key] = pair.Value;
        }

        private SalesforceRecord(string objectType, Dictionary<string, object?> fields)
        {
            ObjectType = objectType;
            _fields = fields;
        }

        /// <summary>Takes <paramref name="fields"/> as is (it must compare keys case-insensitively): the query reader's fast path, no copy.</summary>
        internal static SalesforceRecord Own(string objectType, Dictionary<string, object?> fields) => new SalesforceRecord(objectType, fields);

        /// <summary>The sObject type, e.g. <c>User</c> or <c>Contact</c>.</summary>
        public string ObjectType { get; }

        /// <summary>The 18-character record Id, or null when the query did not select it.</summary>
        public string? Id => GetString("Id");

        public IReadOnlyDictionary<string, object?> Fields => _fields;

        /// <summary>The value of a field path, or null when it is null or was not selected.</summary>
        public object? this[string field] => _fields.TryGetValue(field, out var value) ? value : null;

        public bool Has(string field) => _fields.ContainsKey(field);

        /// <summary>The field's value as invariant text (see <see cref="SalesforceValue.ToText"/>).</summary>
        public string? GetString(string field) => SalesforceValue.ToText(this[field]);
    }

    /// <summary>How Salesforce values read as text, the same way everywhere (mapping, rules, previews).</summary>
    public static class SalesforceValue
    {
        /// <summary>
        /// Invariant text: datetimes as ISO 8601 UTC with milliseconds (<c>2026-09-30T21:20:00.000Z</c>),
        /// dates as <c>yyyy-MM-dd</c>, booleans as <c>true</c>/<c>false</c>, numbers without exponent.
        /// </summary>
        public static string? ToText(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case DateTimeOffset dto: return dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                case DateTime date: return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                case decimal d: return d.ToString(CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
