using System;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// What an LMS can and must do, as far as planning cares. Each connector supplies its own;
    /// <see cref="For"/> gives the documented defaults (lms-apis.md §1, §2, §3).
    /// </summary>
    public sealed class LmsCapabilities
    {
        public LmsCapabilities(
            LmsKind kind,
            bool supportsDepartments,
            bool requiresDepartment,
            bool supportsGroups,
            GroupMembershipMode groupMembershipMode,
            string? salesforceIdField,
            bool supportsWelcomeEmail,
            int? maxRequestsPerMinute)
        {
            if (requiresDepartment && !supportsDepartments)
                throw new ArgumentException("An LMS cannot require a department it does not support.", nameof(requiresDepartment));
            Kind = kind;
            SupportsDepartments = supportsDepartments;
            RequiresDepartment = requiresDepartment;
            SupportsGroups = supportsGroups;
            GroupMembershipMode = groupMembershipMode;
            SalesforceIdField = string.IsNullOrWhiteSpace(salesforceIdField) ? null : salesforceIdField;
            SupportsWelcomeEmail = supportsWelcomeEmail;
            MaxRequestsPerMinute = maxRequestsPerMinute;
        }

        public LmsKind Kind { get; }

        /// <summary>The LMS has departments (org units) a user is placed in.</summary>
        public bool SupportsDepartments { get; }

        /// <summary>Every user belongs to exactly one department; a user with none is not synced (iSpring Learn).</summary>
        public bool RequiresDepartment { get; }

        public bool SupportsGroups { get; }

        public GroupMembershipMode GroupMembershipMode { get; }

        /// <summary>The LMS field that keeps the Salesforce Id (SCIM <c>externalId</c>), or null when there is none.</summary>
        public string? SalesforceIdField { get; }

        public bool HasSalesforceIdField => SalesforceIdField != null;

        /// <summary>The LMS can be told whether to send its welcome email when a user is created.</summary>
        public bool SupportsWelcomeEmail { get; }

        /// <summary>The documented request budget, or null when the vendor documents none.</summary>
        public int? MaxRequestsPerMinute { get; }

        /// <summary>A copy that keeps the Salesforce Id in the named LMS field (e.g. a custom field), or in none.</summary>
        public LmsCapabilities WithSalesforceIdField(string? field) =>
            new LmsCapabilities(Kind, SupportsDepartments, RequiresDepartment, SupportsGroups, GroupMembershipMode, field, SupportsWelcomeEmail, MaxRequestsPerMinute);

        /// <summary>
        /// Documented defaults. SkyPrep: groups only, 100 calls/min, no known field for a foreign id.
        /// iSpring Learn: one department per user, group writes replace members, rate limit undocumented.
        /// SCIM: the enterprise <c>department</c> is a plain attribute (no org units), <c>externalId</c> keeps the Salesforce Id.
        /// </summary>
        public static LmsCapabilities For(LmsKind kind)
        {
            switch (kind)
            {
                case LmsKind.SkyPrep:
                    return new LmsCapabilities(kind, supportsDepartments: false, requiresDepartment: false, supportsGroups: true,
                        GroupMembershipMode.PerUser, salesforceIdField: null, supportsWelcomeEmail: true, maxRequestsPerMinute: 100);
                case LmsKind.ISpring:
                    return new LmsCapabilities(kind, supportsDepartments: true, requiresDepartment: true, supportsGroups: true,
                        GroupMembershipMode.ReplaceMembers, salesforceIdField: null, supportsWelcomeEmail: true, maxRequestsPerMinute: null);
                case LmsKind.Scim:
                    return new LmsCapabilities(kind, supportsDepartments: false, requiresDepartment: false, supportsGroups: true,
                        GroupMembershipMode.PerUser, salesforceIdField: "externalId", supportsWelcomeEmail: false, maxRequestsPerMinute: null);
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown LMS kind.");
            }
        }
    }
}
