using System.Text;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Text
{
    /// <summary>
    /// The property names a <see cref="ByteJsonReader"/> expects, looked up by their UTF-8 bytes, so a known name costs no
    /// string (a list page repeats some twenty names per user). The byte counterpart of Newtonsoft's
    /// <c>DefaultJsonNameTable</c>: filled once, then only read, so several readers may share it.
    /// </summary>
    internal sealed class ByteNameTable
    {
        private readonly Entry[][] _buckets;
        private readonly int _mask;

        public ByteNameTable(params string[] names)
        {
            var size = 16;
            while (size < names.Length * 2) size <<= 1;
            _mask = size - 1;
            _buckets = new Entry[size][];
            foreach (var name in names)
            {
                var bytes = Encoding.UTF8.GetBytes(name);
                var slot = Hash(bytes, 0, bytes.Length) & _mask;
                var bucket = _buckets[slot] ?? new Entry[0];
                var grown = new Entry[bucket.Length + 1];
                bucket.CopyTo(grown, 0);
                grown[bucket.Length] = new Entry(bytes, name);
                _buckets[slot] = grown;
            }
        }

        /// <summary>The table's instance of the name held in <paramref name="json"/>[start, start + length), or null when it is not in the table.</summary>
        [MethodImpl(Jit.Optimized)]
        public string? Get(byte[] json, int start, int length)
        {
            var bucket = _buckets[Hash(json, start, length) & _mask];
            if (bucket == null) return null;
            foreach (var entry in bucket)
            {
                if (entry.Bytes.Length == length && SameBytes(entry.Bytes, json, start)) return entry.Name;
            }
            return null;
        }

        [MethodImpl(Jit.Optimized)]
        private static bool SameBytes(byte[] name, byte[] json, int start)
        {
            for (var i = 0; i < name.Length; i++)
                if (name[i] != json[start + i]) return false;
            return true;
        }

        /// <summary>FNV-1a: names differ mostly in their middle ("first_name", "last_name"), so every byte counts.</summary>
        [MethodImpl(Jit.Optimized)]
        private static int Hash(byte[] bytes, int start, int length)
        {
            var hash = 2166136261u;
            for (var i = start; i < start + length; i++) hash = (hash ^ bytes[i]) * 16777619u;
            return (int)(hash ^ (hash >> 15));
        }

        private sealed class Entry
        {
            public Entry(byte[] bytes, string name)
            {
                Bytes = bytes;
                Name = name;
            }

            public readonly byte[] Bytes;
            public readonly string Name;
        }
    }
}
