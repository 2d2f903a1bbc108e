using System;
using System.Runtime.CompilerServices;
using LmsSync.Core.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// The property names SCIM lists carry. The list readers hand out these very instances for them (<see cref="Bytes"/>,
    /// <see cref="Text"/>), so a name can be recognised by reference (<see cref="IndexOf"/>) and what depends on it worked
    /// out once per name instead of by case-insensitive hashing and comparing per attribute per user. A name not among
    /// them (another spelling, an unknown attribute) is a new string, which callers compare as before. Filled once, then
    /// only read (safe from several readers at once).
    /// </summary>
    internal static class ScimNames
    {
        /// <summary>Distinct ignoring case, so a known name matches no other known name in any case.</summary>
        public static readonly string[] Known =
        {
            "schemas", "totalResults", "itemsPerPage", "startIndex", "Resources", "id", "externalId", "userName", "name", "formatted",
            "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix", "displayName", "nickName", "profileUrl",
            "title", "userType", "preferredLanguage", "locale", "timezone", "active", "emails", "phoneNumbers", "addresses", "value",
            "display", "type", "primary", "$ref", "groups", "members", "meta", "resourceType", "created", "lastModified", "location",
            "version", ScimSchemaUris.EnterpriseUser, "employeeNumber", "costCenter", "organization", "division", "department", "manager",
        };

        public static readonly ByteNameTable Bytes = new ByteNameTable(Known);
        public static readonly DefaultJsonNameTable Text = JsonTokens.NameTable(Known);

        // Open addressing by the instance's identity hash, at most a quarter full.
        private static readonly string?[] Slots = new string?[256];
        private static readonly int[] Indices = new int[256];

        static ScimNames()
        {
            for (var i = 0; i < Known.Length; i++)
            {
                var at = RuntimeHelpers.GetHashCode(Known[i]) & (Slots.Length - 1);
                while (Slots[at] != null) at = (at + 1) & (Slots.Length - 1);
                Slots[at] = Known[i];
                Indices[at] = i;
            }
        }

        /// <summary>The position in <see cref="Known"/> of this very instance; -1 for any other string, even an equal one.</summary>
        public static int IndexOf(string name)
        {
            var mask = Slots.Length - 1;
            for (var at = RuntimeHelpers.GetHashCode(name) & mask; Slots[at] != null; at = (at + 1) & mask)
                if (ReferenceEquals(Slots[at], name)) return Indices[at];
            return -1;
        }

        /// <summary>The known instance of <paramref name="name"/> (same spelling), else <paramref name="name"/> itself.</summary>
        public static string Canonical(string name)
        {
            foreach (var known in Known)
                if (string.Equals(known, name, StringComparison.Ordinal)) return known;
            return name;
        }

        /// <summary>One flag per known name: whether it equals one of <paramref name="names"/> ignoring case.</summary>
        public static bool[] Matching(params string[] names)
        {
            var flags = new bool[Known.Length];
            for (var i = 0; i < Known.Length; i++)
                flags[i] = Array.Exists(names, n => string.Equals(n, Known[i], StringComparison.OrdinalIgnoreCase));
            return flags;
        }
    }
}
