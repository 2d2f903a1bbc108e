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

        /// <summary>What every listed user is read with (<see cref="ScimStreamReader"/>), whatever the fields.</summary>
        private static readonly string[] Identity = { "id", "userName", "externalId", "active", "meta.version" };

        private readonly Dictionary<string, Field[]> _byRoot;
        // AtRoot of each known name (ScimNames.Known), by its position: a known name costs no hashing.
        private readonly Field[]?[] _byKnownName;
        private readonly LmsFieldNames _names;

        /// <param name="names">Attribute paths (see <see cref="ScimAttributePath.Parse"/>); each value is filed under its name as given.</param>
        public ScimFieldSet(IEnumerable<string> names)
        {
            Fields = names.Select((name, index) => new Field(index, name, ScimAttributePath.Parse(name))).ToArray();
            Attributes = Fields.Count == 0 ? null : string.Join(",", Identity.Concat(Fields
                .Select(f => f.Path.SchemaUri == null ? f.Path.Attribute : f.Path.SchemaUri + ":" + f.Path.Attribute))
                .Distinct(StringComparer.OrdinalIgnoreCase));
            _names = new LmsFieldNames(Fields.Select(f => f.Name).ToArray());
            _byRoot = Fields.GroupBy(f => f.Root, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
            _byKnownName = ScimNames.Known.Select(name => _byRoot.TryGetValue(name, out var fields) ? fields : null).ToArray();
        }

        public IReadOnlyList<Field> Fields { get; }

        /// <summary>
        /// The <c>attributes</c> list (RFC 7644 §3.4.2.5) that asks a list for what a read of these fields needs: the
        /// identity (<c>id</c>, always returned, is named for services that forget it), <c>meta.version</c> for If-Match, and
        /// each field's whole top-level attribute (a typed entry is picked, and its PATCH path chosen, among all entries);
        /// an extension's attribute by its URN. Null for no fields. A service that ignores the list answers in full,
        /// which the reader takes as well.
        /// </summary>
        public string? Attributes { get; }

        /// <summary>
        /// Whether a listed user keeps the attribute whose fields are <paramref name="atRoot"/> (null: none) whole in its
        /// PATCH base. Without fields, every attribute (the base is all there is). With fields, only one holding a typed
        /// entry's field: which entry a PATCH names, and whether it adds one, depends on the entries beside it. Any other
        /// field's PATCH depends on its value alone (<see cref="ScimAttributePath.ToPatch"/>), which the user keeps
        /// anyway; attributes no field names are not patched by the connector that reads them.
        /// </summary>
        public bool KeepsWhole(Field[]? atRoot)
        {
            if (Fields.Count == 0) return true;
            if (atRoot == null) return false;
            foreach (var field in atRoot)
                if (field.Path.Type != null) return true;
            return false;
        }

        /// <summary>The fields whose root has this name (ignoring case); null when none.</summary>
        public Field[]? AtRoot(string attribute)
        {
            var known = ScimNames.IndexOf(attribute);
            if (known >= 0) return _byKnownName[known];
            return _byRoot.TryGetValue(attribute, out var fields) ? fields : null;
        }

        /// <summary>
        /// The values read, by name as given (case-insensitive), over this set's shared names (an LmsUser keeps them as
        /// they are): the array is the user's own, so <paramref name="values"/> must not be changed afterwards.
        /// </summary>
        public LmsFieldValues ToDictionary(string?[] values) => new LmsFieldValues(_names, values);

        internal sealed class Field
        {
            public Field(int index, string name, ScimAttributePath path)
            {
                Index = index;
                Name = name;
                Path = path;
                // The list readers' own instances where the names are known (ScimNames), so a name read matches by reference.
                Attribute = ScimNames.Canonical(path.Attribute);
                SubAttribute = path.SubAttribute == null ? null : ScimNames.Canonical(path.SubAttribute);
                Root = path.SchemaUri == null ? Attribute : ScimNames.Canonical(path.SchemaUri);
            }

            public int Index { get; }
            public string Name { get; }
            public ScimAttributePath Path { get; }

            /// <summary>The top-level attribute the value is under: the extension's URN, else the attribute.</summary>
            public string Root { get; }

            /// <summary><see cref="ScimAttributePath.Attribute"/>.</summary>
            public string Attribute { get; }

            /// <summary><see cref="ScimAttributePath.SubAttribute"/>.</summary>
            public string? SubAttribute { get; }
        }
    }
}
