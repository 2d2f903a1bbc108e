using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// One Set-SfLmsMapping: what to change about the mapping of one LMS field (or <c>department</c> /
    /// <c>group</c>). Null members are left as they are, so a change can touch just the default or just the
    /// secondary fields.
    /// </summary>
    public sealed class MappingChange
    {
        public string LmsField { get; set; } = "";
        public string? Primary { get; set; }

        /// <summary>The fields after the primary, in order (replacing the current ones); empty clears them.</summary>
        public IReadOnlyList<string>? Secondary { get; set; }

        public string? Default { get; set; }
        public ApplyOn? ApplyOn { get; set; }
        public IReadOnlyList<FieldTransform>? Transforms { get; set; }
        public string? DateFormat { get; set; }
        public bool? ClearWhenBlank { get; set; }

        // Groups only.
        public bool? IncludePublicGroups { get; set; }
        public string? Separator { get; set; }
        public GroupCombine? Combine { get; set; }

        /// <summary>Applies the change to <paramref name="mapping"/>, creating the field's mapping when it has none; returns it.</summary>
        public ValueMapping ApplyTo(SyncMapping mapping)
        {
            if (string.IsNullOrWhiteSpace(LmsField)) throw new ArgumentException("Name the LMS field to map (-LmsField).");
            ValueMapping target;
            if (MappingTargets.IsDepartment(LmsField)) target = mapping.Department ?? (mapping.Department = new DepartmentMapping());
            else if (MappingTargets.IsGroup(LmsField)) target = mapping.Groups ?? (mapping.Groups = new GroupMapping());
            else
            {
                var field = mapping.Find(LmsField);
                if (field == null) mapping.Fields.Add(field = new FieldMapping { LmsField = LmsField.Trim() });
                if (ClearWhenBlank.HasValue) field.ClearWhenBlank = ClearWhenBlank.Value;
                target = field;
            }
            ApplySources(target);
            if (Default != null) target.Default = Default.Length == 0 ? null : Default;
            if (ApplyOn.HasValue) target.ApplyOn = ApplyOn.Value;
            if (Transforms != null) target.Transforms = Transforms.ToList();
            if (DateFormat != null) target.DateFormat = DateFormat.Length == 0 ? null : DateFormat;
            if (target is GroupMapping groups) ApplyGroups(groups);
            else if (IncludePublicGroups.HasValue || Separator != null || Combine.HasValue)
                throw new ArgumentException("-IncludePublicGroups, -Separator and -Combine apply to the group mapping only (-LmsField group).");
            return target;
        }

        /// <summary>Removes the mapping of an LMS field (or department / group); false when there was none.</summary>
        public static bool Remove(SyncMapping mapping, string lmsField)
        {
            if (MappingTargets.IsDepartment(lmsField))
            {
                var had = mapping.Department != null;
                mapping.Department = null;
                return had;
            }
            if (MappingTargets.IsGroup(lmsField))
            {
                var had = mapping.Groups != null;
                mapping.Groups = null;
                return had;
            }
            var field = mapping.Find(lmsField);
            return field != null && mapping.Fields.Remove(field);
        }

        private void ApplySources(ValueMapping target)
        {
            var primary = Primary ?? target.Sources.FirstOrDefault();
            if (Primary == null && Secondary == null) return;
            var sources = new List<string>();
            if (!string.IsNullOrWhiteSpace(primary)) sources.Add(primary!.Trim());
            var rest = Secondary ?? target.Sources.Skip(1).ToList();
            sources.AddRange(rest.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));
            target.Sources = sources;
        }

        private void ApplyGroups(GroupMapping groups)
        {
            if (IncludePublicGroups.HasValue) groups.IncludePublicGroups = IncludePublicGroups.Value;
            if (Separator != null) groups.Separator = Separator;
            if (Combine.HasValue) groups.Combine = Combine.Value;
        }
    }
}
