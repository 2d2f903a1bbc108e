using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Compares Salesforce Ids by their key (<see cref="SalesforceIds.Key"/>: trimmed, the first 15 characters of
    /// an 18-character Id) without making the key string, so tables of 100,000 ids need no substring per id.
    /// </summary>
    internal sealed class SalesforceKeyComparer : IEqualityComparer<string>
    {
        public static readonly SalesforceKeyComparer Instance = new SalesforceKeyComparer();

        private SalesforceKeyComparer() { }

        [MethodImpl(Jit.Optimized)]
        public bool Equals(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x == null || y == null) return false;
            var lengthX = Range(x, out var startX);
            var lengthY = Range(y, out var startY);
            return lengthX == lengthY && string.CompareOrdinal(x, startX, y, startY, lengthX) == 0;
        }

        [MethodImpl(Jit.Optimized)]
        public int GetHashCode(string id)
        {
            var length = Range(id, out var start);
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = start; i < start + length; i++) hash = (hash ^ id[i]) * 16777619;
                return hash;
            }
        }

        /// <summary>Where the key lies in <paramref name="id"/>: as <see cref="string.Trim()"/>, then 18 characters count as 15.</summary>
        private static int Range(string id, out int start)
        {
            start = 0;
            var end = id.Length - 1;
            while (start <= end && char.IsWhiteSpace(id[start])) start++;
            while (end >= start && char.IsWhiteSpace(id[end])) end--;
            var length = end - start + 1;
            return length == 18 ? 15 : length;
        }
    }
}
