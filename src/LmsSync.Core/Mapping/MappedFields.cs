using System;
using System.Collections;
using System.Collections.Generic;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// The mapped fields of one user: a read-only, case-insensitive dictionary whose keys are shared by every
    /// user of a run (one schema per <see cref="Mapper"/>), so that mapping 100,000 users builds 100,000 small
    /// arrays instead of 100,000 hash tables.
    /// </summary>
    public sealed class MappedFields : IReadOnlyDictionary<string, MappedValue>
    {
        private readonly Schema _schema;
        private readonly MappedValue[] _values;

        internal MappedFields(Schema schema, MappedValue[] values)
        {
            _schema = schema;
            _values = values;
        }

        internal Schema FieldSchema => _schema;
        internal MappedValue ValueAt(int index) => _values[index];

        public int Count => _values.Length;
        public MappedValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not mapped.");
        public IEnumerable<string> Keys => _schema.Names;
        public IEnumerable<MappedValue> Values => _values;

        public bool ContainsKey(string key) => _schema.IndexOf(key) >= 0;

        public bool TryGetValue(string key, out MappedValue value)
        {
            var index = _schema.IndexOf(key);
            value = index >= 0 ? _values[index] : null!;
            return index >= 0;
        }

        public IEnumerator<KeyValuePair<string, MappedValue>> GetEnumerator()
        {
            for (var i = 0; i < _values.Length; i++) yield return new KeyValuePair<string, MappedValue>(_schema.Names[i], _values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The field names of a run, in mapping order.</summary>
        internal sealed class Schema
        {
            private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

            public Schema(IReadOnlyList<string> names)
            {
                Names = new string[names.Count];
                for (var i = 0; i < names.Count; i++)
                {
                    Names[i] = names[i];
                    _index[names[i]] = i;
                }
            }

            public string[] Names { get; }

            public int IndexOf(string name) => _index.TryGetValue(name, out var index) ? index : -1;
        }
    }
}
