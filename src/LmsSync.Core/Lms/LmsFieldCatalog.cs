using System;
using System.Collections.Generic;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms
{
    /// <summary>
    /// The user fields of one LMS: their canonical names, kinds and which are mandatory, plus which
    /// field is the login and which the email (matching uses them). Extend it with the custom fields
    /// an LMS reports (<see cref="WithCustomFields(IEnumerable{string})"/>). Names compare case-insensitively.
    /// </summary>
    public sealed partial class LmsFieldCatalog
    {
        private readonly Dictionary<string, LmsFieldDefinition> _byName;

        public LmsFieldCatalog(LmsKind kind, IEnumerable<LmsFieldDefinition> fields, string? loginField, string? emailField,
            bool departmentMandatory = false, bool groupsMandatory = false)
        {
            Kind = kind;
            var list = new List<LmsFieldDefinition>();
            _byName = new Dictionary<string, LmsFieldDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields)
            {
                if (_byName.ContainsKey(field.Name)) throw new ArgumentException($"The field '{field.Name}' is declared twice.", nameof(fields));
                list.Add(field);
                _byName[field.Name] = field;
            }
            foreach (var field in list)
                foreach (var alias in field.Aliases)
                    if (!_byName.ContainsKey(alias)) _byName[alias] = field;
            Fields = list;
            LoginField = loginField;
            EmailField = emailField;
            DepartmentMandatory = departmentMandatory;
            GroupsMandatory = groupsMandatory;
        }

        public LmsKind Kind { get; }
        public IReadOnlyList<LmsFieldDefinition> Fields { get; }

        /// <summary>The canonical name of the login field (matching by login), or null when the LMS logs in by email.</summary>
        public string? LoginField { get; }

        /// <summary>The canonical name of the email field (matching by email).</summary>
        public string? EmailField { get; }

        /// <summary>The connector needs a department mapping (iSpring Learn).</summary>
        public bool DepartmentMandatory { get; }

        /// <summary>The connector needs a group mapping (iSpring Learn).</summary>
        public bool GroupsMandatory { get; }

        /// <summary>Finds a field by canonical name or alias, case-insensitively.</summary>
        public bool TryResolve(string name, out LmsFieldDefinition field)
        {
            if (name != null && _byName.TryGetValue(name.Trim(), out var found))
            {
                field = found;
                return true;
            }
            field = null!;
            return false;
        }

        /// <summary>All accepted names (canonical and aliases), for "did you mean" suggestions.</summary>
        public IEnumerable<string> KnownNames => _byName.Keys;

        /// <summary>A copy that also knows the given custom fields (text, optional); known names are kept as they are.</summary>
        public LmsFieldCatalog WithCustomFields(IEnumerable<string> names)
        {
            var extra = new List<LmsFieldDefinition>();
            foreach (var name in names)
                if (!string.IsNullOrWhiteSpace(name)) extra.Add(new LmsFieldDefinition(name.Trim(), isCustom: true));
            return WithCustomFields(extra);
        }

        /// <summary>A copy that also knows the given field definitions; a name already known is skipped.</summary>
        public LmsFieldCatalog WithCustomFields(IEnumerable<LmsFieldDefinition> custom)
        {
            var all = new List<LmsFieldDefinition>(Fields);
            var seen = new HashSet<string>(_byName.Keys, StringComparer.OrdinalIgnoreCase);
            foreach (var field in custom)
                if (seen.Add(field.Name)) all.Add(field);
            return new LmsFieldCatalog(Kind, all, LoginField, EmailField, DepartmentMandatory, GroupsMandatory);
        }

        /// <summary>The built-in catalogue of an LMS kind.</summary>
        public static LmsFieldCatalog For(LmsKind kind)
        {
            switch (kind)
            {
                case LmsKind.SkyPrep: return SkyPrep;
                case LmsKind.ISpring: return ISpring;
                case LmsKind.Scim: return Scim;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown LMS kind.");
            }
        }

        /// <summary>A fresh copy of the default mapping of an LMS kind: a new profile starts from it.</summary>
        public static SyncMapping DefaultMapping(LmsKind kind)
        {
            switch (kind)
            {
                case LmsKind.SkyPrep: return SkyPrepDefaultMapping();
                case LmsKind.ISpring: return ISpringDefaultMapping();
                case LmsKind.Scim: return ScimDefaultMapping();
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown LMS kind.");
            }
        }

        private static FieldMapping Map(string lmsField, params string[] sources) => new FieldMapping(lmsField, sources);

        private static FieldMapping MapEmail(string lmsField, params string[] sources)
        {
            var mapping = new FieldMapping(lmsField, sources);
            mapping.Transforms.Add(FieldTransform.Trim);
            mapping.Transforms.Add(FieldTransform.Lower);
            return mapping;
        }
    }
}
