using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// A field path read from many records (the Id, the mapping's sources): its slot is found once per
    /// <see cref="RecordSchema"/>, and every record of one read shares one schema, so reading it from 100,000 records
    /// hashes the path (ignoring case) about once instead of 100,000 times. A record made alone, with a schema of its own,
    /// is read by name as before.
    /// </summary>
    /// <remarks>Thread-safe: the slot is remembered as one immutable object, replaced whole when a record of another schema comes.</remarks>
    internal sealed class RecordField
    {
        private Resolved? _last;

        public RecordField(string path) => Path = path;

        /// <summary>The field path, e.g. <c>Email</c> or <c>Manager.Email</c>, in any case.</summary>
        public string Path { get; }

        /// <summary>The slot of <see cref="Path"/> in <paramref name="schema"/>, or -1.</summary>
        [MethodImpl(Jit.Optimized)]
        public int SlotIn(RecordSchema schema)
        {
            var last = _last;
            if (last != null && ReferenceEquals(last.Schema, schema)) return last.Slot;
            var slot = schema.SlotOf(Path);
            // A schema of one record is not remembered: records made one by one would each cost an object for nothing.
            if (schema.Shared) _last = new Resolved(schema, slot);
            return slot;
        }

        private sealed class Resolved
        {
            public Resolved(RecordSchema schema, int slot)
            {
                Schema = schema;
                Slot = slot;
            }

            public RecordSchema Schema { get; }
            public int Slot { get; }
        }
    }
}
