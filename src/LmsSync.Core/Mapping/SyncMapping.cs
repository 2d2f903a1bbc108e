using System;
using System.Collections.Generic;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// The whole mapping of a profile: profile fields, the department, the groups. Plain and settable so
    /// that it round-trips through JSON. Unmapped LMS fields are never touched.
    /// </summary>
    public sealed class SyncMapping
    {
        public List<FieldMapping> Fields { get; set; } = new List<FieldMapping>();

        /// <summary>Null when departments are not synced.</summary>
        public DepartmentMapping? Department { get; set; }

        /// <summary>Null when groups are not synced (nobody joins or leaves a group).</summary>
        public GroupMapping? Groups { get; set; }

        /// <summary>The mapping for an LMS field name (case-insensitive), or null.</summary>
        public FieldMapping? Find(string lmsField)
        {
            foreach (var field in Fields)
                if (string.Equals(field.LmsField, lmsField, StringComparison.OrdinalIgnoreCase)) return field;
            return null;
        }
    }
}
