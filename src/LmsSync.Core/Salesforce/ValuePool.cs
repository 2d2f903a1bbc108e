using System;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// Shares equal text values within each field of one read: 100,000 users hold a few dozen distinct time zones,
    /// locales, profiles, departments and titles, so each distinct text is kept once instead of once per user.
    /// Bounded: a field keeps at most <see cref="Limit"/> distinct values. Once it is full, a value not in it is
    /// passed through; when such misses outnumber the values shared by more than <see cref="Limit"/> (ids, emails,
    /// names: mostly unique), the field's pool is dropped and the field is no longer looked up.
    /// Text can be looked up as characters in a buffer (the CSV reader's), so a value already pooled costs no string at all.
    /// Not thread-safe (one per query, used while its pages are parsed one after another).
    /// </summary>
    internal sealed class ValuePool
    {
        public const int DefaultLimit = 1024;

        /// <summary>Varies the hash per process, so that no crafted set of values collides everywhere.</summary>
        private static readonly uint Seed = (uint)Guid.NewGuid().GetHashCode();

        private FieldPool?[] _fields = new FieldPool?[32];

        public ValuePool(int limit = DefaultLimit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            Limit = limit;
        }

        /// <summary>Distinct values a field keeps at most.</summary>
        public int Limit { get; }

        /// <summary>Distinct values held, all fields together.</summary>
        public int Count
        {
            get
            {
                var count = 0;
                foreach (var pool in _fields)
                    if (pool?.Values != null) count += pool.Count;
                return count;
            }
        }

        /// <summary>The value equal to <paramref name="value"/> already read in field <paramref name="slot"/>, else <paramref name="value"/>.</summary>
        public string Share(int slot, string value) => Share(slot, new StringText(value));

        /// <summary>The value equal to the characters given already read in field <paramref name="slot"/>, else a new string of them.</summary>
        public string Share(int slot, BufferText text) => Share<BufferText>(slot, text);

        [MethodImpl(Jit.Optimized)]
        private string Share<T>(int slot, T text) where T : struct, ICharText
        {
            if (slot >= _fields.Length) Array.Resize(ref _fields, Math.Max(slot + 1, _fields.Length * 2));
            var field = _fields[slot] ??= new FieldPool();
            var values = field.Values;
            if (values == null) return text.Make();

            var hash = Seed ^ 2166136261;
            for (var i = 0; i < text.Length; i++) hash = (hash ^ text[i]) * 16777619; // FNV-1a
            var mask = values.Length - 1;
            var at = (int)hash & mask;
            for (string? held; (held = values[at]) != null; at = (at + 1) & mask)
            {
                if (field.Hashes[at] == hash && text.Matches(held))
                {
                    field.Shared++;
                    return held;
                }
            }
            var value = text.Make();
            if (field.Count < Limit)
            {
                values[at] = value;
                field.Hashes[at] = hash;
                if (++field.Count * 2 > values.Length) field.Grow();
            }
            else if (++field.Missed > field.Shared + Limit)
            {
                field.Values = null;
            }
            return value;
        }

        /// <summary>One field's values: an open-addressing table, at most half full.</summary>
        private sealed class FieldPool
        {
            /// <summary>Null once the field stopped being pooled.</summary>
            public string?[]? Values = new string?[16];
            public uint[] Hashes = new uint[16];
            public int Count;
            public long Shared;

            /// <summary>Values not found once the field was full.</summary>
            public long Missed;

            public void Grow()
            {
                var values = Values!;
                var hashes = Hashes;
                Values = new string?[values.Length * 2];
                Hashes = new uint[values.Length * 2];
                var mask = Values.Length - 1;
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] == null) continue;
                    var at = (int)hashes[i] & mask;
                    while (Values[at] != null) at = (at + 1) & mask;
                    Values[at] = values[i];
                    Hashes[at] = hashes[i];
                }
            }
        }
    }
}
