using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Profile fields of a read whose users come with name/value pairs that may differ from user to user (iSpring leaves
    /// out a field a user has no value for): users sent with the same names in the same order share one
    /// <see cref="LmsFieldNames"/> (a "shape") and hold only a value array (<see cref="LmsFieldValues"/>), as a dictionary
    /// of their own would hold them: each name by its catalogue spelling, found ignoring case, the first spelling kept and
    /// the last value winning when two names are one field. Past a bound on shapes, a user gets a dictionary of its own.
    /// Values are shared too: equal values of a field across users (countries, titles, first names repeat; a
    /// <see cref="ValuePool"/> per thread, so no lock is taken and a field whose values seldom repeat stops being looked up),
    /// and equal values of one user (iSpring's login is often the email). Thread-safe.
    /// </summary>
    internal sealed class LmsFieldShapes
    {
        private readonly Func<string, string> _canonical;
        private readonly int _limit;
        private readonly object _gate = new object();

        // Under the gate: each field name's slot in the value pools, whichever shapes it is in.
        private readonly Dictionary<string, int> _poolSlots = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        // Shapes by the hash of their names; replaced whole under the gate, read without it (a new shape is rare after the
        // first pages, and a read may see a few dozen: fields left out, names in another order).
        private volatile Dictionary<int, Shape[]> _shapes = new Dictionary<int, Shape[]>();
        private int _count;

        private readonly ThreadLocal<ValuePool> _pools = new ThreadLocal<ValuePool>(() => new ValuePool());

        [ThreadStatic] private static List<KeyValuePair<string, string>>? _scratch;

        /// <param name="canonical">A field's name as the user's fields are keyed by (the catalogue's spelling).</param>
        /// <param name="limit">The most shapes kept.</param>
        public LmsFieldShapes(Func<string, string> canonical, int limit)
        {
            _canonical = canonical;
            _limit = limit;
        }

        [MethodImpl(Jit.Optimized)]
        public IReadOnlyDictionary<string, string?> Values(IReadOnlyDictionary<string, string> fields)
        {
            var pairs = _scratch ??= new List<KeyValuePair<string, string>>();
            try
            {
                foreach (var pair in fields) pairs.Add(pair);
                var hash = Hash(pairs);
                var shape = Find(_shapes, hash, pairs) ?? Add(hash, pairs);
                if (shape == null) return OwnDictionary(pairs);
                var values = new string?[shape.Names.Count];
                for (var i = 0; i < pairs.Count; i++) values[shape.Slots[i]] = pairs[i].Value;
                Share(values, shape.PoolSlots, _pools.Value!);
                return new LmsFieldValues(shape.Names, values);
            }
            finally
            {
                pairs.Clear();
            }
        }

        [MethodImpl(Jit.Optimized)]
        private static void Share(string?[] values, int[] poolSlots, ValuePool pool)
        {
            for (var slot = 0; slot < values.Length; slot++)
            {
                var value = values[slot];
                if (value == null) continue;
                value = pool.Share(poolSlots[slot], value);
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

        [MethodImpl(Jit.Optimized)]
        private static int Hash(List<KeyValuePair<string, string>> pairs)
        {
            var hash = pairs.Count;
            foreach (var pair in pairs) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(pair.Key);
            return hash;
        }

        [MethodImpl(Jit.Optimized)]
        private static Shape? Find(Dictionary<int, Shape[]> shapes, int hash, List<KeyValuePair<string, string>> pairs)
        {
            if (!shapes.TryGetValue(hash, out var candidates)) return null;
            foreach (var shape in candidates)
                if (shape.Matches(pairs)) return shape;
            return null;
        }

        private Shape? Add(int hash, List<KeyValuePair<string, string>> pairs)
        {
            lock (_gate)
            {
                var found = Find(_shapes, hash, pairs);
                if (found != null || _count >= _limit) return found;
                var shape = new Shape(pairs, _canonical, PoolSlot);
                var shapes = new Dictionary<int, Shape[]>(_shapes);
                shapes.TryGetValue(hash, out var candidates);
                candidates ??= new Shape[0];
                var grown = new Shape[candidates.Length + 1];
                Array.Copy(candidates, grown, candidates.Length);
                grown[candidates.Length] = shape;
                shapes[hash] = grown;
                _shapes = shapes;
                _count++;
                return shape;
            }
        }

        /// <summary>The field's slot in the value pools; under the gate.</summary>
        private int PoolSlot(string name)
        {
            if (!_poolSlots.TryGetValue(name, out var slot)) _poolSlots.Add(name, slot = _poolSlots.Count);
            return slot;
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

            public Shape(List<KeyValuePair<string, string>> pairs, Func<string, string> canonical, Func<string, int> poolSlot)
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
                PoolSlots = new int[names.Count];
                for (var slot = 0; slot < names.Count; slot++) PoolSlots[slot] = poolSlot(names[slot]);
            }

            public LmsFieldNames Names { get; }

            /// <summary>Per sent name, its slot in <see cref="Names"/>.</summary>
            public int[] Slots { get; }

            /// <summary>Per name, its slot in the value pools.</summary>
            public int[] PoolSlots { get; }

            [MethodImpl(Jit.Optimized)]
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
