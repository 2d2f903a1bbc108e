using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// One Salesforce row with relationship fields flattened to dotted paths
    /// (<c>Manager.Email</c>, <c>Profile.Name</c>). Field names compare case-insensitively, as SOQL does.
    /// Values are <see cref="string"/>, <see cref="bool"/>, <see cref="decimal"/>,
    /// <see cref="DateTimeOffset"/> (datetime fields), <see cref="DateTime"/> (date fields, no time zone) or null.
    /// </summary>
    /// <remarks>
    /// A sync holds every record of the org at once, so a record is only an array of values: the field names and
    /// their lookup are one <see cref="RecordSchema"/> shared by all records of a query. A slot holding
    /// <see cref="Absent"/> (or past the end of the array) is a field this record did not bring.
    /// </remarks>
    public sealed class SalesforceRecord
    {
        /// <summary>Marks a slot whose field the record did not bring (as opposed to a null value).</summary>
        internal static readonly object Absent = new object();

        private static readonly RecordField IdField = new RecordField("Id");

        private readonly RecordSchema _schema;
        private readonly object?[] _values;

        /// <summary>A record of the given fields; a name given twice (in any case) keeps its first spelling and its last value.</summary>
        public SalesforceRecord(string objectType, IEnumerable<KeyValuePair<string, object?>> fields)
        {
            ObjectType = objectType ?? throw new ArgumentNullException(nameof(objectType));
            if (fields == null) throw new ArgumentNullException(nameof(fields));
            var builder = new RecordBuilder();
            builder.Start();
            foreach (var pair in fields) builder.Set(pair.Key, pair.Value);
            var record = builder.Build(objectType);
            _schema = record._schema;
            _values = record._values;
        }

        /// <summary>Takes <paramref name="values"/> as is (slots of <paramref name="schema"/>, <see cref="Absent"/> where the field was not read): the readers' path, no copy.</summary>
        internal SalesforceRecord(string objectType, RecordSchema schema, object?[] values)
        {
            ObjectType = objectType;
            _schema = schema;
            _values = values;
        }

        /// <summary>The sObject type, e.g. <c>User</c> or <c>Contact</c>.</summary>
        public string ObjectType { get; }

        /// <summary>The 18-character record Id, or null when the query did not select it.</summary>
        public string? Id => SalesforceValue.ToText(this[IdField]);

        /// <summary>The fields the record brought, in the order the query first read them.</summary>
        public IReadOnlyDictionary<string, object?> Fields => new FieldView(this);

        /// <summary>The value of a field path, or null when it is null or was not selected.</summary>
        public object? this[string field]
        {
            [MethodImpl(Jit.Optimized)]
            get
            {
                var value = ValueAt(_schema.SlotOf(field));
                return ReferenceEquals(value, Absent) ? null : value;
            }
        }

        /// <summary>The value of <paramref name="field"/>, as <see cref="this[string]"/> gives it, its slot found once per schema.</summary>
        internal object? this[RecordField field]
        {
            [MethodImpl(Jit.Optimized)]
            get
            {
                var value = ValueAt(field.SlotIn(_schema));
                return ReferenceEquals(value, Absent) ? null : value;
            }
        }

        public bool Has(string field) => !ReferenceEquals(ValueAt(_schema.SlotOf(field)), Absent);

        /// <summary>The field's value as invariant text (see <see cref="SalesforceValue.ToText"/>).</summary>
        public string? GetString(string field) => SalesforceValue.ToText(this[field]);

        private object? ValueAt(int slot) => slot >= 0 && slot < _values.Length ? _values[slot] : Absent;

        /// <summary><see cref="Fields"/>: a read-only dictionary over the record's slots (made when asked for; previews only).</summary>
        private sealed class FieldView : IReadOnlyDictionary<string, object?>
        {
            private readonly SalesforceRecord _record;

            public FieldView(SalesforceRecord record) => _record = record;

            public int Count
            {
                get
                {
                    var count = 0;
                    foreach (var value in _record._values)
                        if (!ReferenceEquals(value, Absent)) count++;
                    return count;
                }
            }

            public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The record has no field '{key}'.");

            public IEnumerable<string> Keys
            {
                get
                {
                    foreach (var pair in this) yield return pair.Key;
                }
            }

            public IEnumerable<object?> Values
            {
                get
                {
                    foreach (var pair in this) yield return pair.Value;
                }
            }

            public bool ContainsKey(string key) => _record.Has(key);

            public bool TryGetValue(string key, out object? value)
            {
                value = _record.ValueAt(_record._schema.SlotOf(key));
                if (!ReferenceEquals(value, Absent)) return true;
                value = null;
                return false;
            }

            public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
            {
                var values = _record._values;
                for (var slot = 0; slot < values.Length; slot++)
                    if (!ReferenceEquals(values[slot], Absent))
                        yield return new KeyValuePair<string, object?>(_record._schema.NameAt(slot), values[slot]);
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }

    /// <summary>How Salesforce values read as text, the same way everywhere (mapping, rules, previews).</summary>
    public static class SalesforceValue
    {
        /// <summary>
        /// Invariant text: datetimes as ISO 8601 UTC with milliseconds (<c>2026-09-30T21:20:00.000Z</c>),
        /// dates as <c>yyyy-MM-dd</c>, booleans as <c>true</c>/<c>false</c>, numbers without exponent.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
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
