namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// What SkyPrep can and cannot do, as the sync model needs to know it (lms-apis.md §1, §7).
    /// Constants, not discovered at run time: SkyPrep's API has no capabilities endpoint.
    /// </summary>
    public static class SkyPrepCapabilities
    {
        /// <summary>SkyPrep has no department concept; departments are mapped to user groups [D].</summary>
        public const bool HasDepartments = false;

        /// <summary>A user can be in any number of user groups.</summary>
        public const bool OneGroupPerUser = false;

        /// <summary>
        /// Membership changes are per user (add one user to a group, remove one user from a group), never
        /// "replace the group's members": leaving a group is an explicit call.
        /// </summary>
        public const bool GroupMembershipIsPerUser = true;

        /// <summary>The LMS keeps the Salesforce Id in <c>user_identifier</c> (SDK sample), configurable by <see cref="SkyPrepWireNames.SalesforceIdField"/>.</summary>
        public const bool HasSalesforceIdField = true;

        /// <summary>The default field that holds the Salesforce Id.</summary>
        public const string SalesforceIdField = "user_identifier";

        /// <summary>Creating a user can send (or not send) the "New Account Email" (<c>send_login_info</c> by default).</summary>
        public const bool HasWelcomeEmailSwitch = true;

        /// <summary>Users can be deactivated (login disabled, records kept) and reactivated.</summary>
        public const bool CanDeactivate = true;

        /// <summary>Documented limit: 100 API calls a minute per source IP [D]. The client throttles itself below it.</summary>
        public const int RequestsPerMinute = 100;

        /// <summary>"Do not run batch calls concurrently" [D]: one request in flight at a time.</summary>
        public const int MaxConcurrentRequests = 1;

        /// <summary>A user's identity key is the email, which is also the login (unless the account enables usernames) [D].</summary>
        public const string IdentityKey = "email";
    }
}
