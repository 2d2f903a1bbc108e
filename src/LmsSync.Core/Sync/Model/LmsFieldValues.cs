using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// One user's profile fields as a value array over names shared by every user of a read (a connector that reads
    /// the same fields for every user): each user holds its values alone, not a dictionary of its own. A 100,000-user
    /// SCIM read held one 19-entry dictionary per user (about 750 bytes each) where this holds a 19-slot array.
    /// Every name of the set is present, with a null value when the user has none, as a dictionary filled with all of
    /// them would be. Names compare ignoring case, as <see cref="LmsUser.Fields"/> does. Do not change the values after
    /// handing them to the user.
    /// </summary>
    internal sealed class LmsFieldValues : IReadOnlyDictionary<string, string?>
    {
        private readonly LmsFieldNames _names;
        private readonly string?[] _values;

        public LmsFieldValues(LmsFieldNames names, string?[] values)
        {
            if (values.Length != names.Count) throw new ArgumentException("One value per name.", nameof(values));
            _names = names;
            _values = values;
        }

        public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No field '{key}'.");

        public IEnumerable<string> Keys => _names.Names;

        public IEnumerable<string?> Values => _values;

        public int Count => _values.Length;

        public bool ContainsKey(string key) => _names.IndexOf(key) >= 0;

        public bool TryGetValue(string key, out string? value)
        {
            var index = _names.IndexOf(key);
            value = index >= 0 ? _values[index] : null;
            return index >= 0;
        }

        /// <summary>The value equal to <paramref name="text"/> this user holds, else <paramref name="text"/>: so a property that repeats a field holds no copy of it.</summary>
        [MethodImpl(Jit.Optimized)]
        internal string? Held(string? text)
        {
            if (text == null) return null;
            foreach (var value in _values)
                if (string.Equals(value, text, StringComparison.Ordinal)) return value;
            return text;
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() =>
            _names.Names.Select((name, index) => new KeyValuePair<string, string?>(name, _values[index])).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The names of an <see cref="LmsFieldValues"/>, in value order, with their positions found ignoring case; built once per read.</summary>
    internal sealed class LmsFieldNames
    {
        private readonly Dictionary<string, int> _index;

        /// <param name="names">Distinct ignoring case.</param>
        public LmsFieldNames(IReadOnlyList<string> names)
        {
            Names = names;
            _index = new Dictionary<string, int>(names.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++) _index.Add(names[i], i);
        }

        public IReadOnlyList<string> Names { get; }

        public int Count => Names.Count;

        /// <summary>The name's position; -1 when it is not one of them.</summary>
        public int IndexOf(string name) => name != null && _index.TryGetValue(name, out var index) ? index : -1;
    }
}
