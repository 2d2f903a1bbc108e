using System;
using System.Collections.Concurrent;
using System.Threading;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Shares equal values of one LMS field across the users of a read (countries, titles, first names repeat; a run holds
    /// every user until its plan is made), thread-safe, as <c>ValuePool</c> does for a Salesforce query on one thread.
    /// Bounded: at most <see cref="Limit"/> distinct values; once full, when the values not found outnumber those shared by
    /// more than the limit (ids, emails: mostly unique), the pool is dropped and the field is no longer looked up.
    /// The counts are approximate under concurrent use, which only moves the moment the pool is dropped.
    /// </summary>
    internal sealed class LmsTextPool
    {
        public const int Limit = 1024;

        private volatile ConcurrentDictionary<string, string>? _values = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private long _shared;
        private long _missed;

        /// <summary>The pool's instance equal to <paramref name="text"/>, else <paramref name="text"/> (kept when there is room).</summary>
        public string Share(string text)
        {
            var values = _values;
            if (values == null) return text;
            if (values.TryGetValue(text, out var held))
            {
                Interlocked.Increment(ref _shared);
                return held;
            }
            if (values.Count < Limit) return values.GetOrAdd(text, text);
            if (Interlocked.Increment(ref _missed) > Interlocked.Read(ref _shared) + Limit) _values = null;
            return text;
        }

        /// <summary>Whether the pool still looks values up (false once dropped).</summary>
        public bool Pooling => _values != null;
    }
}
