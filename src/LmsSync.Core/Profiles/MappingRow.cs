using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Profiles
{
    /// <summary>One line of Get-SfLmsMapping: an LMS field (or the department / groups) and where its value comes from.</summary>
    public sealed class MappingRow
    {
        public string LmsField { get; set; } = "";
        public string? Primary { get; set; }
        public IReadOnlyList<string> Secondary { get; set; } = new string[0];
        public string? Default { get; set; }
        public ApplyOn ApplyOn { get; set; }
        public IReadOnlyList<FieldTransform> Transforms { get; set; } = new FieldTransform[0];
        public string? DateFormat { get; set; }
        public bool ClearWhenBlank { get; set; }

        /// <summary>Groups only: the user's Salesforce public groups are added.</summary>
        public bool IncludePublicGroups { get; set; }

        public override string ToString() => $"{LmsField} <- {string.Join(" | ", new[] { Primary }.Concat(Secondary).Where(s => s != null))}";

        /// <summary>The row of one LMS field (or department / group), or null when it is not mapped.</summary>
        public static MappingRow? Of(SyncMapping mapping, string lmsField)
        {
            var name = MappingTargets.IsDepartment(lmsField) ? MappingTargets.Department : MappingTargets.IsGroup(lmsField) ? MappingTargets.Group : lmsField.Trim();
            return From(mapping).FirstOrDefault(r => string.Equals(r.LmsField, name, System.StringComparison.OrdinalIgnoreCase));
        }

        public static IReadOnlyList<MappingRow> From(SyncMapping mapping)
        {
            var rows = mapping.Fields.Select(f => Row(f.LmsField, f, f.ClearWhenBlank)).ToList();
            if (mapping.Department != null) rows.Add(Row(MappingTargets.Department, mapping.Department, false));
            if (mapping.Groups != null)
            {
                var groups = Row(MappingTargets.Group, mapping.Groups, false);
                groups.IncludePublicGroups = mapping.Groups.IncludePublicGroups;
                rows.Add(groups);
            }
            return rows;
        }

        private static MappingRow Row(string name, ValueMapping value, bool clearWhenBlank) => new MappingRow
        {
            LmsField = name,
            Primary = value.Sources.FirstOrDefault(),
            Secondary = value.Sources.Skip(1).ToList(),
            Default = value.Default,
            ApplyOn = value.ApplyOn,
            Transforms = value.Transforms.ToList(),
            DateFormat = value.DateFormat,
            ClearWhenBlank = clearWhenBlank,
        };
    }
}
