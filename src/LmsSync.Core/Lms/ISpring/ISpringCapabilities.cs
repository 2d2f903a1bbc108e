namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>How group membership is written in iSpring Learn.</summary>
    public enum ISpringMembershipSemantics
    {
        /// <summary><c>POST /group/{id}/members</c> replaces the whole member list; per-user removal exists (<c>/user/{id}/groups/remove</c>).</summary>
        ReplaceMembers,
    }

    /// <summary>
    /// What iSpring Learn can and cannot do, as documented constants for the LMS-neutral connector adapter
    /// (lms-apis.md §2 and §7).
    /// </summary>
    public static class ISpringCapabilities
    {
        /// <summary>Every user belongs to exactly one department of a tree with a root [S].</summary>
        public const bool OneDepartmentPerUser = true;

        /// <summary>A department is required to create a user (<c>NewUser.departmentId</c>) [S].</summary>
        public const bool DepartmentRequired = true;

        /// <summary>Departments can be created (under the root or a parent), moved into, and deleted when empty.</summary>
        public const bool ManagesDepartments = true;

        /// <summary>Group member lists are replace-all; see <see cref="ISpringGroupJoinMode"/> and <see cref="ISpringGroupLeaveMode"/> for how the client keeps others' members.</summary>
        public const ISpringMembershipSemantics GroupMembership = ISpringMembershipSemantics.ReplaceMembers;

        /// <summary>iSpring has no dedicated field for a Salesforce Id; one can be kept in a custom profile field (<see cref="ISpringClientOptions.SalesforceIdField"/>) when the account has one.</summary>
        public const bool SalesforceIdFieldOptional = true;

        /// <summary><c>sendLoginEmail</c> (with the required <c>invitationMessage</c>) on create switches the welcome email on or off [D].</summary>
        public const bool WelcomeEmailSwitch = true;

        /// <summary>No request-rate limit is documented (0 = none known); the client still throttles itself, see <see cref="DefaultMaxConcurrentRequests"/>.</summary>
        public const int DocumentedRequestsPerMinute = 0;

        /// <summary>
        /// The default ceiling of requests in flight. No limit is documented, so the client finds one at run time: it
        /// starts at 4, grows toward this while answers come back, and halves on 429/503/Retry-After
        /// (<see cref="Http.AdaptiveConcurrencyLimit"/>). iSpring has no batch update, so an incremental run's updates go
        /// one request each: at 20 ms a request, 890 updates took 1.3–2.1 s at 16 and 0.8 s at 32 (docs/lms/ispring.md).
        /// </summary>
        public const int DefaultMaxConcurrentRequests = 32;

        /// <summary>Documented default and the client's page size for <c>/users/v2</c>.</summary>
        public const int DefaultPageSize = 1000;

        /// <summary>Documented access-token lifetime in seconds.</summary>
        public const int TokenLifetimeSeconds = 1800;
    }
}
