using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>Items by trimmed, case-insensitive name; a name may belong to several items.</summary>
    internal sealed class NameIndex<T> where T : class
    {
        private static readonly IReadOnlyList<T> Empty = new T[0];
        private readonly Dictionary<string, List<T>> _byName = new Dictionary<string, List<T>>(StringComparer.OrdinalIgnoreCase);

        public void Add(string? name, T item)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            var key = name!.Trim();
            if (!_byName.TryGetValue(key, out var list)) _byName[key] = list = new List<T>(1);
            list.Add(item);
        }

        public IReadOnlyList<T> Find(string name) => _byName.TryGetValue(name.Trim(), out var list) ? list : Empty;
    }
}
