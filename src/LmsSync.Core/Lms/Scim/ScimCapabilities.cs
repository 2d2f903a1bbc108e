namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// What a SCIM 2.0 service offers the sync, as documented constants (lms-apis.md §3, §7). The
    /// adapter to the LMS-neutral connector reads these; a service's own <c>/ServiceProviderConfig</c>
    /// (see <see cref="ScimServiceProviderConfig"/>) adds what varies per vendor (bulk, etag, filter caps).
    /// </summary>
    public static class ScimCapabilities
    {
        /// <summary>SCIM has no department tree: <c>department</c> is a plain string of the enterprise extension, one per user.</summary>
        public const bool DepartmentsAreOrgUnits = false;

        /// <summary>At most one department per user (the enterprise <c>department</c> attribute is single-valued).</summary>
        public const bool OneDepartmentPerUser = true;

        /// <summary>Where a department name goes on the wire.</summary>
        public const string DepartmentAttribute = ScimSchemaUris.EnterpriseUser + ":department";

        /// <summary>Groups exist (<c>/Groups</c>) and membership changes one member at a time (PATCH add/remove on <c>members</c>), never a replace-all.</summary>
        public const bool GroupMembershipPerMember = true;

        /// <summary>The attribute that keeps the Salesforce Id: the core <c>externalId</c> (set by the client, caseExact, not unique per RFC).</summary>
        public const string SalesforceIdAttribute = "externalId";

        /// <summary>The attribute that identifies a user for login and matching (unique, caseExact false).</summary>
        public const string LoginAttribute = "userName";

        /// <summary>
        /// SCIM defines no welcome-email switch; most services provision silently. The client can set a
        /// vendor-specific extension attribute (<see cref="ScimClientOptions.WelcomeEmailAttribute"/>) when one is configured.
        /// </summary>
        public const bool HasStandardWelcomeEmailSwitch = false;

        /// <summary>No documented request budget (vendor-specific and unpublished): null.</summary>
        public static readonly int? RequestsPerMinute = null;

        /// <summary>
        /// The default ceiling of requests in flight. SCIM defines no rate limit, so the client finds one at run time: it
        /// starts at 4, grows toward this while answers come back, and halves on 429/503/Retry-After
        /// (<see cref="Http.AdaptiveConcurrencyLimit"/>).
        /// </summary>
        public const int DefaultMaxConcurrency = 16;

        /// <summary>Page size asked for when listing (a hint: a service may return fewer).</summary>
        public const int DefaultPageSize = 100;
    }
}
