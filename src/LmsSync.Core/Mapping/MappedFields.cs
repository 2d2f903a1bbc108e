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
    /// Each slot holds the mapped text and a shared provenance template (which source fed it, or the default, or
    /// nothing); the <see cref="MappedValue"/> objects are made only when someone reads them through the dictionary
    /// (a preview), once each. The planner reads the text and provenance straight from the slots.
    /// </remarks>
    public sealed class MappedFields : IReadOnlyDictionary<string, MappedValue>
    {
        private readonly Schema _schema;
        private readonly Slot[] _slots;
        private MappedValue?[]? _values;

        internal MappedFields(Schema schema, Slot[] slots)
        {
            _schema = schema;
            _slots = slots;
        }

        internal MappedFields(Schema schema, MappedValue[] values)
        {
            _schema = schema;
            _slots = new Slot[values.Length];
            for (var i = 0; i < values.Length; i++) _slots[i] = new Slot(values[i].Value, values[i]);
            _values = values;
        }

        internal Schema FieldSchema => _schema;

        /// <summary>The mapped text of field <paramref name="index"/> (no <see cref="MappedValue"/> is made).</summary>
        internal string? TextAt(int index) => _slots[index].Value;

        /// <summary>Whether an update writes field <paramref name="index"/> (see <see cref="MappedValue.AppliesOnUpdate"/>).</summary>
        internal bool AppliesOnUpdateAt(int index)
        {
            var template = _slots[index].Template;
            return template.ApplyOn == ApplyOn.Always && (_slots[index].Value != null || template.ClearWhenBlank);
        }

        internal MappedValue ValueAt(int index)
        {
            var values = _values;
            if (values == null)
            {
                Interlocked.CompareExchange(ref _values, new MappedValue?[_slots.Length], null);
                values = _values!;
            }
            var value = values[index];
            if (value != null) return value;
            var slot = _slots[index];
            var template = slot.Template;
            value = ReferenceEquals(template.Value, slot.Value)
                ? template
                : new MappedValue(slot.Value, template.Origin, template.SourceField, template.ApplyOn, template.ClearWhenBlank);
            return Interlocked.CompareExchange(ref values[index], value, null) ?? value;
        }

        public int Count => _slots.Length;
        public MappedValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not mapped.");
        public IEnumerable<string> Keys => _schema.Names;

        public IEnumerable<MappedValue> Values
        {
            get
            {
                var all = new MappedValue[_slots.Length];
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
            for (var i = 0; i < _slots.Length; i++) yield return new KeyValuePair<string, MappedValue>(_schema.Names[i], ValueAt(i));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// One field of one user: its text, and a template shared by the run that carries the provenance. When the
        /// template's own value is the text (a default, nothing), the template is the mapped value itself.
        /// </summary>
        internal readonly struct Slot
        {
            public Slot(string? value, MappedValue template)
            {
                Value = value;
                Template = template;
            }

            public string? Value { get; }
            public MappedValue Template { get; }
        }

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
