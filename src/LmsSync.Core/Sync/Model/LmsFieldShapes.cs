using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Profile fields of a read whose users come with name/value pairs that may differ from user to user (iSpring leaves
    /// out a field a user has no value for): users sent with the same names in the same order share one
    /// <see cref="LmsFieldNames"/> (a "shape") and hold only a value array (<see cref="LmsFieldValues"/>), as a dictionary
    /// of their own would hold them: each name by its catalogue spelling, found ignoring case, the first spelling kept and
    /// the last value winning when two names are one field. Past a bound on shapes, a user gets a dictionary of its own.
    /// Values are shared too: equal values of a field across users (<see cref="LmsTextPool"/>), and equal values of one user
    /// (iSpring's login is often the email). Thread-safe.
    /// </summary>
    internal sealed class LmsFieldShapes
    {
        private readonly Func<string, string> _canonical;
        private readonly int _limit;
        private readonly object _gate = new object();

        // By field name, under the gate: one pool per field, whichever shapes it is in.
        private readonly Dictionary<string, LmsTextPool> _pools = new Dictionary<string, LmsTextPool>(StringComparer.OrdinalIgnoreCase);

        // Replaced whole under the gate, read without it: a new shape is rare after the first page.
        private volatile Shape[] _shapes = new Shape[0];

        [ThreadStatic] private static List<KeyValuePair<string, string>>? _scratch;

        /// <param name="canonical">A field's name as the user's fields are keyed by (the catalogue's spelling).</param>
        /// <param name="limit">The most shapes kept.</param>
        public LmsFieldShapes(Func<string, string> canonical, int limit)
        {
            _canonical = canonical;
            _limit = limit;
        }

        public IReadOnlyDictionary<string, string?> Values(IReadOnlyDictionary<string, string> fields)
        {
            var pairs = _scratch ??= new List<KeyValuePair<string, string>>();
            try
            {
                foreach (var pair in fields) pairs.Add(pair);
                var shape = Find(pairs) ?? Add(pairs);
                if (shape == null) return OwnDictionary(pairs);
                var values = new string?[shape.Names.Count];
                for (var i = 0; i < pairs.Count; i++) values[shape.Slots[i]] = pairs[i].Value;
                Share(values, shape.Pools);
                return new LmsFieldValues(shape.Names, values);
            }
            finally
            {
                pairs.Clear();
            }
        }

        private static void Share(string?[] values, LmsTextPool[] pools)
        {
            for (var slot = 0; slot < values.Length; slot++)
            {
                var value = values[slot];
                if (value == null) continue;
                value = pools[slot].Share(value);
                // A handful of fields: a scan beats a table.
                for (var earlier = 0; earlier < slot; earlier++)
                    if (string.Equals(values[earlier], value, StringComparison.Ordinal))
                    {
                        value = values[earlier];
                        break;
                    }
                values[slot] = value;
            }
        }

        private Shape? Find(List<KeyValuePair<string, string>> pairs)
        {
            foreach (var shape in _shapes)
                if (shape.Matches(pairs)) return shape;
            return null;
        }

        private Shape? Add(List<KeyValuePair<string, string>> pairs)
        {
            lock (_gate)
            {
                var found = Find(pairs);
                if (found != null || _shapes.Length >= _limit) return found;
                var shape = new Shape(pairs, _canonical, Pool);
                var grown = new Shape[_shapes.Length + 1];
                Array.Copy(_shapes, grown, _shapes.Length);
                grown[_shapes.Length] = shape;
                _shapes = grown;
                return shape;
            }
        }

        /// <summary>The field's pool; under the gate.</summary>
        private LmsTextPool Pool(string name)
        {
            if (!_pools.TryGetValue(name, out var pool)) _pools.Add(name, pool = new LmsTextPool());
            return pool;
        }

        private IReadOnlyDictionary<string, string?> OwnDictionary(List<KeyValuePair<string, string>> pairs)
        {
            var fields = new LmsUserFields(pairs.Count);
            foreach (var pair in pairs) fields[_canonical(pair.Key)] = pair.Value;
            return fields;
        }

        /// <summary>The names as sent, in order, and the slot of each in the shared names.</summary>
        private sealed class Shape
        {
            private readonly string[] _sent;

            public Shape(List<KeyValuePair<string, string>> pairs, Func<string, string> canonical, Func<string, LmsTextPool> pool)
            {
                _sent = new string[pairs.Count];
                Slots = new int[pairs.Count];
                var names = new List<string>(pairs.Count);
                var slots = new Dictionary<string, int>(pairs.Count, StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < pairs.Count; i++)
                {
                    _sent[i] = pairs[i].Key;
                    var name = canonical(pairs[i].Key);
                    if (!slots.TryGetValue(name, out var slot))
                    {
                        slot = names.Count;
                        slots.Add(name, slot);
                        names.Add(name);
                    }
                    Slots[i] = slot;
                }
                Names = new LmsFieldNames(names);
                Pools = new LmsTextPool[names.Count];
                for (var slot = 0; slot < names.Count; slot++) Pools[slot] = pool(names[slot]);
            }

            public LmsFieldNames Names { get; }

            /// <summary>The value pool of each name.</summary>
            public LmsTextPool[] Pools { get; }
            public int[] Slots { get; }

            public bool Matches(List<KeyValuePair<string, string>> pairs)
            {
                if (pairs.Count != _sent.Length) return false;
                for (var i = 0; i < _sent.Length; i++)
                    if (!string.Equals(_sent[i], pairs[i].Key, StringComparison.Ordinal)) return false;
                return true;
            }
        }
    }
}
