using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// The attribute paths a list read reads out of every user (a connector's catalog fields): each parsed once, with
    /// the top-level attributes (roots) they start from, so the reader builds a small tree of only those.
    /// </summary>
    internal sealed class ScimFieldSet
    {
        /// <summary>No fields: users are read with their identity and kept resource only.</summary>
        public static readonly ScimFieldSet None = new ScimFieldSet(Array.Empty<string>());

        /// <summary>What <see cref="None"/> reads: shared, since nothing is ever added to it.</summary>
        internal static readonly IReadOnlyDictionary<string, string?> NoValues = new Dictionary<string, string?>();

        private readonly KeyValuePair<string, ScimAttributePath>[] _fields;
        private readonly HashSet<string> _roots;

        /// <param name="names">Attribute paths (see <see cref="ScimAttributePath.Parse"/>); each value is filed under its name as given.</param>
        public ScimFieldSet(IEnumerable<string> names)
        {
            _fields = names.Select(n => new KeyValuePair<string, ScimAttributePath>(n, ScimAttributePath.Parse(n))).ToArray();
            Paths = _fields.Select(f => f.Value).ToList();
            _roots = new HashSet<string>(Paths.Select(p => p.SchemaUri ?? p.Attribute), StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<ScimAttributePath> Paths { get; }

        /// <summary>True when a top-level attribute of that name holds some field's value.</summary>
        public bool IsRoot(string attribute) => _roots.Contains(attribute);

        /// <summary>Every field's value from a resource holding (at least) the root attributes.</summary>
        public Dictionary<string, string?> Read(JObject roots)
        {
            var values = new Dictionary<string, string?>(_fields.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var field in _fields) values[field.Key] = field.Value.ReadFrom(roots);
            return values;
        }
    }
}
