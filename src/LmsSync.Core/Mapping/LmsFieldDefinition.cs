using System;
using System.Collections.Generic;

namespace LmsSync.Core.Mapping
{
    /// <summary>One field of an LMS's user profile, as its field catalogue declares it.</summary>
    public sealed class LmsFieldDefinition
    {
        private static readonly IReadOnlyList<string> NoAliases = new string[0];

        public LmsFieldDefinition(string name, LmsFieldKind kind = LmsFieldKind.Text, bool mandatory = false, bool isCustom = false,
            string? description = null, IReadOnlyList<string>? aliases = null)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A field needs a name.", nameof(name));
            Name = name;
            Kind = kind;
            Mandatory = mandatory;
            IsCustom = isCustom;
            Description = description;
            Aliases = aliases ?? NoAliases;
        }

        /// <summary>The canonical name: the key in <c>LmsUser.Fields</c> and in mappings.</summary>
        public string Name { get; }
        public LmsFieldKind Kind { get; }

        /// <summary>The LMS (or its connector) cannot create a user without it; validation insists it is mapped.</summary>
        public bool Mandatory { get; }

        /// <summary>A field the LMS reported beyond the built-in ones (iSpring custom fields, SkyPrep custom labels).</summary>
        public bool IsCustom { get; }

        public string? Description { get; }

        /// <summary>Other spellings accepted in mappings (e.g. the SCIM path <c>emails[primary].value</c> for <c>email</c>).</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>Whether two values of this field mean the same (trimmed; emails and logins case-insensitive).</summary>
        public bool SameValue(string? left, string? right)
        {
            var a = (left ?? "").Trim();
            var b = (right ?? "").Trim();
            var comparison = Kind == LmsFieldKind.Email || Kind == LmsFieldKind.Login || Kind == LmsFieldKind.Boolean
                ? StringComparison.OrdinalIgnoreCase
                : StringComparison.Ordinal;
            return string.Equals(a, b, comparison);
        }
    }
}
