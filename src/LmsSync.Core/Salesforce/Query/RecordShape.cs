using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// What a query's records look like: the object, the selected field paths (so a null parent still
    /// yields its selected child paths as null) and, when known from describe, each path's type
    /// (so datetimes and dates are converted by type, not guessed).
    /// </summary>
    internal sealed class RecordShape
    {
        private readonly Dictionary<string, ValueKind> _kinds;
        private readonly Dictionary<KeyValuePair<string, string>, string> _joined = new Dictionary<KeyValuePair<string, string>, string>(PairComparer.Instance);
        private readonly HashSet<string> _relationships = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public RecordShape(string objectName, IReadOnlyList<string> selectedPaths, IReadOnlyDictionary<string, string>? fieldTypes)
        {
            ObjectName = objectName;
            var dotted = new List<string>();
            foreach (var path in selectedPaths)
            {
                if (path.IndexOf('.') <= 0) continue;
                dotted.Add(path);
                for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1))
                    _relationships.Add(path.Substring(0, dot));
            }
            DottedPaths = dotted;
            _kinds = new Dictionary<string, ValueKind>(StringComparer.OrdinalIgnoreCase);
            if (fieldTypes != null)
            {
                HasTypes = true;
                foreach (var pair in fieldTypes) _kinds[pair.Key] = KindOf(pair.Value);
            }
        }

        public string ObjectName { get; }

        /// <summary>Makes this query's records: one schema for all of them, repeated text values shared.</summary>
        public RecordBuilder Builder { get; } = new RecordBuilder(new ValuePool());

        /// <summary><paramref name="prefix"/> + <paramref name="name"/> (<c>Manager.</c> + <c>Email</c>), built once per query rather than once per record.</summary>
        public string Join(string prefix, string name)
        {
            var key = new KeyValuePair<string, string>(prefix, name);
            if (_joined.TryGetValue(key, out var path)) return path;
            path = prefix + name;
            _joined[key] = path;
            return path;
        }

        /// <summary>Selected relationship paths (<c>Manager.Email</c>), filled with null when the parent is null.</summary>
        public IReadOnlyList<string> DottedPaths { get; }

        public bool HasTypes { get; }

        /// <summary>True for a selected relationship (<c>Manager</c>, <c>Manager.Manager</c>) rather than a field.</summary>
        public bool IsRelationship(string path) => _relationships.Contains(path);

        public ValueKind KindOf(string path, string value)
        {
            if (HasTypes) return _kinds.TryGetValue(path, out var kind) ? kind : ValueKind.Text;
            // Without describe, only Salesforce's exact datetime form is taken as a datetime; a bare
            // yyyy-MM-dd could be any text field, so dates stay text.
            return SalesforceDateTime.IsSalesforceDateTime(value) ? ValueKind.DateTime : ValueKind.Text;
        }

        private static ValueKind KindOf(string salesforceType)
        {
            switch (salesforceType.ToLowerInvariant())
            {
                case "datetime": return ValueKind.DateTime;
                case "date": return ValueKind.Date;
                // REST sends these as JSON booleans and numbers; only CSV (Bulk) needs the type to read them.
                case "boolean": return ValueKind.Boolean;
                case "int":
                case "long":
                case "double":
                case "currency":
                case "percent":
                    return ValueKind.Number;
                default: return ValueKind.Text;
            }
        }
    }

    /// <summary>Ordinal comparison of a (prefix, name) pair; KeyValuePair's default equality goes through reflection.</summary>
    internal sealed class PairComparer : IEqualityComparer<KeyValuePair<string, string>>
    {
        public static readonly PairComparer Instance = new PairComparer();

        public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y) =>
            string.Equals(x.Key, y.Key, StringComparison.Ordinal) && string.Equals(x.Value, y.Value, StringComparison.Ordinal);

        public int GetHashCode(KeyValuePair<string, string> pair) =>
            unchecked(StringComparer.Ordinal.GetHashCode(pair.Key) * 31 + StringComparer.Ordinal.GetHashCode(pair.Value));
    }

    internal enum ValueKind
    {
        Text,
        DateTime,
        Date,
        Boolean,
        Number,
    }
}
