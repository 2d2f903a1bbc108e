using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// Shares equal text values within each field of one read: 100,000 users hold a few dozen distinct time zones,
    /// locales, profiles, departments and titles, so each distinct text is kept once instead of once per user.
    /// Bounded: a field keeps at most <see cref="Limit"/> distinct values. Once it is full, a value not in it is
    /// passed through; when such misses outnumber the values shared by more than <see cref="Limit"/> (ids, emails,
    /// names: mostly unique), the field's pool is dropped and the field is no longer looked up.
    /// Not thread-safe (one per query, used while its pages are parsed one after another).
    /// </summary>
    internal sealed class ValuePool
    {
        public const int DefaultLimit = 1024;

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
                    if (pool?.Values != null) count += pool.Values.Count;
                return count;
            }
        }

        /// <summary>The value equal to <paramref name="value"/> already read in field <paramref name="slot"/>, else <paramref name="value"/>.</summary>
        public string Share(int slot, string value)
        {
            if (slot >= _fields.Length) Array.Resize(ref _fields, Math.Max(slot + 1, _fields.Length * 2));
            var field = _fields[slot] ??= new FieldPool();
            var values = field.Values;
            if (values == null) return value;
            if (values.TryGetValue(value, out var shared))
            {
                field.Shared++;
                return shared;
            }
            if (values.Count < Limit) values.Add(value, value);
            else if (++field.Missed > field.Shared + Limit) field.Values = null;
            return value;
        }

        private sealed class FieldPool
        {
            /// <summary>Null once the field stopped being pooled.</summary>
            public Dictionary<string, string>? Values = new Dictionary<string, string>(StringComparer.Ordinal);
            public long Shared;

            /// <summary>Values not found once the field was full.</summary>
            public long Missed;
        }
    }
}
