using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// The attribute paths a list read reads out of every user (a connector's catalog fields): each parsed once, and
    /// grouped by the top-level attribute (root) they start from, so <see cref="ScimFieldReader"/> knows, as each
    /// attribute streams by, which fields it holds.
    /// </summary>
    internal sealed class ScimFieldSet
    {
        /// <summary>No fields: users are read with their identity and kept resource only.</summary>
        public static readonly ScimFieldSet None = new ScimFieldSet(Array.Empty<string>());

        /// <summary>What <see cref="None"/> reads: shared, since nothing is ever added to it.</summary>
        internal static readonly IReadOnlyDictionary<string, string?> NoValues = new Dictionary<string, string?>();

        private readonly Dictionary<string, Field[]> _byRoot;

        /// <param name="names">Attribute paths (see <see cref="ScimAttributePath.Parse"/>); each value is filed under its name as given.</param>
        public ScimFieldSet(IEnumerable<string> names)
        {
            Fields = names.Select((name, index) => new Field(index, name, ScimAttributePath.Parse(name))).ToArray();
            _byRoot = Fields.GroupBy(f => f.Root, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<Field> Fields { get; }

        /// <summary>The fields whose root has this name (ignoring case); null when none.</summary>
        public Field[]? AtRoot(string attribute) => _byRoot.TryGetValue(attribute, out var fields) ? fields : null;

        /// <summary>The values read, by name as given (case-insensitive), in a dictionary of their own (an LmsUser keeps it as it is).</summary>
        public LmsUserFields ToDictionary(string?[] values)
        {
            var dictionary = new LmsUserFields(Fields.Count);
            foreach (var field in Fields) dictionary[field.Name] = values[field.Index];
            return dictionary;
        }

        internal sealed class Field
        {
            public Field(int index, string name, ScimAttributePath path)
            {
                Index = index;
                Name = name;
                Path = path;
                Root = path.SchemaUri ?? path.Attribute;
            }

            public int Index { get; }
            public string Name { get; }
            public ScimAttributePath Path { get; }

            /// <summary>The top-level attribute the value is under: the extension's URN, else the attribute.</summary>
            public string Root { get; }
        }
    }
}
