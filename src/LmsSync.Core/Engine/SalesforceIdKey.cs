using System;
using System.Collections.Generic;

namespace LmsSync.Core.Engine
{
    /// <summary>Salesforce ids compare by their first 15 characters (the 18-character form only adds a case checksum).</summary>
    internal static class SalesforceIdKey
    {
        public static string Of(string id) => id.Length > 15 ? id.Substring(0, 15) : id;

        /// <summary>Compares whole ids as their <see cref="Of"/> keys compare, without making the keys (a table of 80,000 links made 80,000 substrings).</summary>
        public static IEqualityComparer<string> Comparer { get; } = new KeyComparer();

        private sealed class KeyComparer : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y)
            {
                if (ReferenceEquals(x, y)) return true;
                if (x == null || y == null) return false;
                var length = Length(x);
                return length == Length(y) && string.CompareOrdinal(x, 0, y, 0, length) == 0;
            }

            public int GetHashCode(string id)
            {
                unchecked
                {
                    var hash = (int)2166136261;
                    for (var i = 0; i < Length(id); i++) hash = (hash ^ id[i]) * 16777619;
                    return hash;
                }
            }

            private static int Length(string id) => Math.Min(id.Length, 15);
        }
    }
}
