using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// One user as the LMS reports it, LMS-neutral. <see cref="Fields"/> holds profile fields by the
    /// catalogue's canonical names (see <c>LmsFieldCatalog</c>); names compare case-insensitively.
    /// Connectors fill <see cref="Email"/>, <see cref="Login"/> and <see cref="SalesforceId"/> from the same data.
    /// </summary>
    public sealed class LmsUser
    {
        private static readonly IReadOnlyList<string> NoGroups = new string[0];

        public LmsUser(
            string lmsId,
            string? login,
            string? email,
            bool active,
            IReadOnlyDictionary<string, string?>? fields = null,
            string? departmentId = null,
            IReadOnlyList<string>? groupIds = null,
            string? salesforceId = null,
            bool isAdmin = false)
        {
            if (string.IsNullOrEmpty(lmsId)) throw new ArgumentException("An LMS user needs an id.", nameof(lmsId));
            LmsId = lmsId;
            Login = login;
            Email = email;
            Active = active;
            Fields = fields is LmsUserFields || fields is LmsFieldValues ? fields : CaseInsensitive(fields);
            DepartmentId = departmentId;
            GroupIds = groupIds ?? NoGroups;
            SalesforceId = salesforceId;
            IsAdmin = isAdmin;
        }

        public string LmsId { get; }
        public string? Login { get; }
        public string? Email { get; }

        /// <summary>False when the user cannot log in (deactivated, SkyPrep "disabled login", iSpring status 3/5, SCIM active=false).</summary>
        public bool Active { get; }

        public IReadOnlyDictionary<string, string?> Fields { get; }
        public string? DepartmentId { get; }
        public IReadOnlyList<string> GroupIds { get; }

        /// <summary>The Salesforce Id the LMS keeps for this user, where the LMS has a field for it.</summary>
        public string? SalesforceId { get; }

        /// <summary>An LMS administrator: never changed, deactivated or moved by the integration.</summary>
        public bool IsAdmin { get; }

        /// <summary>The value of a profile field, or null.</summary>
        public string? GetField(string name) => Fields.TryGetValue(name, out var value) ? value : null;

        private static IReadOnlyDictionary<string, string?> CaseInsensitive(IReadOnlyDictionary<string, string?>? fields)
        {
            var copy = new Dictionary<string, string?>(fields?.Count ?? 0, StringComparer.OrdinalIgnoreCase);
            if (fields != null)
                foreach (var pair in fields) copy[pair.Key] = pair.Value;
            return copy;
        }
    }
}
