using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// Makes the records of one query, one at a time (<see cref="Start"/>, <see cref="Set"/>…, <see cref="Build"/>):
    /// values go into a scratch array by the slot of their path, and each record gets an exact copy. A path the
    /// query has not seen before gets the next slot, and the schema grows by it when the record is built (a record
    /// abandoned half-way, as when a page breaks off, adds nothing). Text values go through the read's
    /// <see cref="ValuePool"/>; booleans share two boxes. Not thread-safe: a query's pages are parsed one after another.
    /// </summary>
    internal sealed class RecordBuilder
    {
        private static readonly object True = true;
        private static readonly object False = false;

        private readonly ValuePool? _pool;
        private readonly List<string> _added = new List<string>();
        private RecordSchema _schema = RecordSchema.Empty;
        // Invariant: every slot from _length on holds Absent.
        private object?[] _values = Absent(new object?[32]);
        private int _length;

        public RecordBuilder(ValuePool? pool = null) => _pool = pool;

        /// <summary>Begins a record, dropping whatever an abandoned one left.</summary>
        public void Start()
        {
            for (var i = 0; i < _length; i++) _values[i] = SalesforceRecord.Absent;
            _length = 0;
            _added.Clear();
        }

        /// <summary>Whether the record being built has <paramref name="path"/> (any case).</summary>
        public bool Has(string path)
        {
            var slot = SlotOf(path, add: false);
            return slot >= 0 && slot < _length && !ReferenceEquals(_values[slot], SalesforceRecord.Absent);
        }

        /// <summary>Sets a value as is; the last value set for a path wins.</summary>
        public void Set(string path, object? value) => Store(SlotOf(path, add: true), value);

        /// <summary>Sets a text value, shared with equal ones read before in the same field.</summary>
        public void SetText(string path, string value)
        {
            var slot = SlotOf(path, add: true);
            Store(slot, _pool == null ? value : _pool.Share(slot, value));
        }

        public void SetBoolean(string path, bool value) => Store(SlotOf(path, add: true), Boolean(value));

        /// <summary>
        /// The slots of a fixed list of paths (a CSV header), the schema growing by the new ones at once, for a reader that
        /// fills each row's values by slot into an array of <see cref="Width"/> and hands it to <see cref="Build(string, object?[])"/>:
        /// no path is looked up and nothing is copied per record. Drops a record begun with <see cref="Start"/>.
        /// </summary>
        public int[] SlotsOf(IReadOnlyList<string> paths)
        {
            Start();
            var slots = new int[paths.Count];
            for (var i = 0; i < slots.Length; i++) slots[i] = SlotOf(paths[i], add: true);
            if (_added.Count > 0)
            {
                _schema = _schema.With(_added);
                _added.Clear();
            }
            return slots;
        }

        /// <summary>Slots in the schema so far: the length of a value array for <see cref="Build(string, object?[])"/>.</summary>
        public int Width => _schema.Count;

        /// <summary>Text of slot <paramref name="slot"/> from characters in a buffer, shared with equal ones read before in that field.</summary>
        public string ShareText(int slot, BufferText text) => _pool == null ? text.Make() : _pool.Share(slot, text);

        /// <summary>The one box for each boolean value.</summary>
        public static object Boolean(bool value) => value ? True : False;

        /// <summary>A record of <paramref name="values"/> by slot (as <see cref="SlotsOf"/> gave them; <see cref="SalesforceRecord.Absent"/> where none), taken as is.</summary>
        public SalesforceRecord Build(string objectType, object?[] values)
        {
            _schema.MarkShared(); // the rows of a page all have it
            return new SalesforceRecord(objectType, _schema, values);
        }

        public SalesforceRecord Build(string objectType)
        {
            if (_added.Count > 0)
            {
                _schema = _schema.With(_added);
                _added.Clear();
            }
            else
            {
                _schema.MarkShared(); // a record before this one has it too
            }
            var values = new object?[_length];
            Array.Copy(_values, values, _length);
            for (var i = 0; i < _length; i++) _values[i] = SalesforceRecord.Absent;
            _length = 0;
            return new SalesforceRecord(objectType, _schema, values);
        }

        private int SlotOf(string path, bool add)
        {
            var slot = _schema.SlotOf(path);
            if (slot >= 0) return slot;
            // Only the first records of a query bring new paths, a few at a time: a list is enough.
            for (var i = 0; i < _added.Count; i++)
                if (string.Equals(_added[i], path, StringComparison.OrdinalIgnoreCase)) return _schema.Count + i;
            if (!add) return -1;
            _added.Add(path);
            return _schema.Count + _added.Count - 1;
        }

        private void Store(int slot, object? value)
        {
            if (slot >= _values.Length)
            {
                var grown = Absent(new object?[Math.Max(slot + 1, _values.Length * 2)]);
                Array.Copy(_values, grown, _length);
                _values = grown;
            }
            if (slot >= _length) _length = slot + 1;
            _values[slot] = value;
        }

        private static object?[] Absent(object?[] values)
        {
            for (var i = 0; i < values.Length; i++) values[i] = SalesforceRecord.Absent;
            return values;
        }
    }
}
