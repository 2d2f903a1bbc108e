using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// The mapped fields of one user: a read-only, case-insensitive dictionary whose keys are shared by every
    /// user of a run (one schema per <see cref="Mapper"/>), so that mapping 100,000 users builds 100,000 small
    /// arrays instead of 100,000 hash tables.
    /// </summary>
    /// <remarks>
    /// Each field holds the mapped text and a shared provenance template (which source fed it, or the default, or
    /// nothing); the <see cref="MappedValue"/> objects are made only when someone reads them through the dictionary
    /// (a preview), once each. The planner reads the text and provenance straight from the slots.
    /// </remarks>
    public sealed class MappedFields : IReadOnlyDictionary<string, MappedValue>
    {
        private readonly Schema _schema;
        private readonly string?[] _texts;
        private readonly MappedValue[] _templates;
        private MappedValue?[]? _values;

        /// <param name="texts">The text of each field.</param>
        /// <param name="templates">The provenance of each field; users with the same provenance share one array.</param>
        internal MappedFields(Schema schema, string?[] texts, MappedValue[] templates)
        {
            _schema = schema;
            _texts = texts;
            _templates = templates;
        }

        internal Schema FieldSchema => _schema;

        /// <summary>The mapped text of field <paramref name="index"/> (no <see cref="MappedValue"/> is made).</summary>
        internal string? TextAt(int index) => _texts[index];

        /// <summary>Whether an update writes field <paramref name="index"/> (see <see cref="MappedValue.AppliesOnUpdate"/>).</summary>
        internal bool AppliesOnUpdateAt(int index)
        {
            var template = _templates[index];
            return template.ApplyOn == ApplyOn.Always && (_texts[index] != null || template.ClearWhenBlank);
        }

        internal MappedValue ValueAt(int index)
        {
            var values = _values;
            if (values == null)
            {
                Interlocked.CompareExchange(ref _values, new MappedValue?[_texts.Length], null);
                values = _values!;
            }
            var value = values[index];
            if (value != null) return value;
            var text = _texts[index];
            var template = _templates[index];
            value = ReferenceEquals(template.Value, text)
                ? template
                : new MappedValue(text, template.Origin, template.SourceField, template.ApplyOn, template.ClearWhenBlank);
            return Interlocked.CompareExchange(ref values[index], value, null) ?? value;
        }

        public int Count => _texts.Length;
        public MappedValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not mapped.");
        public IEnumerable<string> Keys => _schema.Names;

        public IEnumerable<MappedValue> Values
        {
            get
            {
                var all = new MappedValue[_texts.Length];
                for (var i = 0; i < all.Length; i++) all[i] = ValueAt(i);
                return all;
            }
        }

        public bool ContainsKey(string key) => _schema.IndexOf(key) >= 0;

        public bool TryGetValue(string key, out MappedValue value)
        {
            var index = _schema.IndexOf(key);
            value = index >= 0 ? ValueAt(index) : null!;
            return index >= 0;
        }

        public IEnumerator<KeyValuePair<string, MappedValue>> GetEnumerator()
        {
            for (var i = 0; i < _texts.Length; i++) yield return new KeyValuePair<string, MappedValue>(_schema.Names[i], ValueAt(i));
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
