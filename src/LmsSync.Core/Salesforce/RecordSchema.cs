using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// The field paths of one query's records, each with its slot in the records' value arrays, found
    /// case-insensitively (as SOQL names fields). Immutable: a record keeps the schema it was made with while the
    /// reader goes on with a longer one (<see cref="With"/>) when a later record brings a field not seen before,
    /// so records can be read on one thread while the next page is parsed on another.
    /// </summary>
    internal sealed class RecordSchema
    {
        public static readonly RecordSchema Empty = new RecordSchema(new string[0]);

        private readonly string[] _names;
        private readonly Dictionary<string, int> _slots;

        private RecordSchema(string[] names)
        {
            _names = names;
            _slots = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++) _slots.Add(names[i], i);
        }

        /// <summary>
        /// Whether more than one record has this schema (set by the builder when it makes a second one; never unset). A
        /// record made alone (<see cref="SalesforceRecord"/>'s public constructor) has a schema of its own, not worth a
        /// <see cref="RecordField"/> remembering.
        /// </summary>
        public bool Shared { get; private set; }

        public void MarkShared() => Shared = true;

        /// <summary>Slots in use: a record's value array is never longer.</summary>
        public int Count => _names.Length;

        /// <summary>The path of slot <paramref name="slot"/>, as first read.</summary>
        public string NameAt(int slot) => _names[slot];

        /// <summary>The slot of <paramref name="path"/> (any case), or -1.</summary>
        public int SlotOf(string path) => _slots.TryGetValue(path, out var slot) ? slot : -1;

        /// <summary>This schema with <paramref name="added"/> (none of them in it yet, no two the same) after its slots.</summary>
        public RecordSchema With(IReadOnlyList<string> added)
        {
            var names = new string[_names.Length + added.Count];
            Array.Copy(_names, names, _names.Length);
            for (var i = 0; i < added.Count; i++) names[_names.Length + i] = added[i];
            return new RecordSchema(names);
        }
    }
}
