using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// What the LMS should hold for one Salesforce user, with provenance for every value
    /// (Get-SfLmsPayload shows "which field fed each LMS field").
    /// </summary>
    public sealed class DesiredUser
    {
        public DesiredUser(
            SourceUser source,
            IReadOnlyDictionary<string, MappedValue> fields,
            MappedValue? department,
            IReadOnlyList<MappedValue>? groups,
            string? email,
            string? login)
        {
            Source = source;
            Fields = fields;
            Department = department;
            Groups = groups;
            Email = email;
            Login = login;
        }

        public SourceUser Source { get; }
        public string SalesforceId => Source.SalesforceId;
        public string DisplayName => Source.DisplayName;

        /// <summary>Mapped profile fields by canonical LMS field name (case-insensitive).</summary>
        public IReadOnlyDictionary<string, MappedValue> Fields { get; }

        /// <summary>The department by name; null when departments are not mapped.</summary>
        public MappedValue? Department { get; }

        /// <summary>Group names, distinct (case-insensitive); null when groups are not mapped.</summary>
        public IReadOnlyList<MappedValue>? Groups { get; }

        /// <summary>The mapped value of the catalogue's email field, used for matching.</summary>
        public string? Email { get; }

        /// <summary>The mapped value of the catalogue's login field, used for matching.</summary>
        public string? Login { get; }
    }
}
