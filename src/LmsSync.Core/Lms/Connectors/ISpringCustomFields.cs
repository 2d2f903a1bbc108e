using System;
using System.Collections.Generic;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// The account's custom profile fields as catalogue entries: named as iSpring names them on the wire
    /// (<c>USER_DEFINED_FIELD2</c>), with the label ("Region") as an alias so a mapping may use either.
    /// </summary>
    internal static class ISpringCustomFields
    {
        public static IEnumerable<LmsFieldDefinition> From(IReadOnlyList<ISpringProfileField> fields, LmsFieldCatalog builtIn)
        {
            foreach (var field in fields)
            {
                if (string.IsNullOrWhiteSpace(field.Name) || builtIn.TryResolve(field.Name, out _)) continue;
                var label = field.Label?.Trim();
                var aliases = string.IsNullOrEmpty(label) || builtIn.TryResolve(label!, out _) || string.Equals(label, field.Name, StringComparison.OrdinalIgnoreCase)
                    ? null
                    : new[] { label! };
                yield return new LmsFieldDefinition(field.Name, LmsFieldKind.Text, mandatory: false, isCustom: true,
                    description: string.IsNullOrEmpty(label) ? null : label, aliases: aliases);
            }
        }
    }
}
