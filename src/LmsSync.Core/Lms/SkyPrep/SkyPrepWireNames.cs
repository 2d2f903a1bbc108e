namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Method and parameter names the public SkyPrep material does not pin down (lms-apis.md §1.3,
    /// "Not found in public material"). Each is a best guess with a default; verify against a
    /// SkyPrep sandbox and change here, not in code. Defaults are listed in docs/lms/skyprep.md.
    /// </summary>
    public sealed class SkyPrepWireNames
    {
        /// <summary>
        /// <c>create_user</c> / <c>update_user</c>: the email parameter. The docs' example uses <c>user_email</c> [D];
        /// an SDK sample uses <c>email</c> [C].
        /// </summary>
        public string EmailParameter { get; set; } = "user_email";

        /// <summary>Membership: the method that adds users to a group [I].</summary>
        public string AddUsersToGroupMethod { get; set; } = "add_users_to_user_group";

        /// <summary>Membership: the method that removes users from a group [I].</summary>
        public string RemoveUsersFromGroupMethod { get; set; } = "remove_users_from_user_group";

        /// <summary>Membership: the parameter carrying the user id(s), comma-separated [I].</summary>
        public string MembershipUserIdsParameter { get; set; } = "user_ids";

        /// <summary>The parameter carrying a group's id (membership calls, <c>get_user_group</c>) [I].</summary>
        public string GroupIdParameter { get; set; } = "user_group_id";

        /// <summary><c>create_user_group</c>: the parameter carrying the new group's name [I].</summary>
        public string GroupNameParameter { get; set; } = "name";

        /// <summary>Pagination: the 1-based page number parameter [I].</summary>
        public string PageParameter { get; set; } = "page";

        /// <summary>Pagination: the page size parameter [I].</summary>
        public string PerPageParameter { get; set; } = "per_page";

        /// <summary><c>get_user</c>: the parameter that looks a user up by email (the docs use <c>user_email</c> on create) [I].</summary>
        public string UserEmailParameter { get; set; } = "user_email";

        /// <summary>The user field that holds the Salesforce Id (SDK sample: <c>user_identifier</c>) [C].</summary>
        public string SalesforceIdField { get; set; } = SkyPrepCapabilities.SalesforceIdField;

        /// <summary><c>create_user</c>: the parameter that sends (true) or suppresses (false) the welcome email [I, CSV name].</summary>
        public string WelcomeEmailParameter { get; set; } = "send_login_info";

        /// <summary>Deactivation by status: the parameter of <c>update_user</c> [I].</summary>
        public string StatusParameter { get; set; } = "status";

        /// <summary>Deactivation by status: the value for an active user [I].</summary>
        public string ActiveStatusValue { get; set; } = "active";

        /// <summary>Deactivation by status: the value for a deactivated user [I].</summary>
        public string InactiveStatusValue { get; set; } = "inactive";

        /// <summary>Deactivation by flag: the boolean parameter of <c>update_user</c> [I].</summary>
        public string DisabledParameter { get; set; } = "disabled";

        /// <summary>Deactivation by dedicated methods: the method that deactivates [I].</summary>
        public string DeactivateMethod { get; set; } = "deactivate_user";

        /// <summary>Deactivation by dedicated methods: the method that reactivates [I].</summary>
        public string ReactivateMethod { get; set; } = "reactivate_user";

        /// <summary>
        /// How a custom label (SkyPrep's custom field) is sent: a format with <c>{0}</c> for the label's name,
        /// Rails style by default (<c>custom_labels[Region]=EMEA</c>) [I].
        /// </summary>
        public string CustomLabelParameterFormat { get; set; } = "custom_labels[{0}]";

        /// <summary>The user object's field holding custom labels as an object of name → value [I].</summary>
        public string CustomLabelsField { get; set; } = "custom_labels";

        /// <summary>The user object's field listing the user's groups (objects with id and name, or bare ids) [I].</summary>
        public string UserGroupsField { get; set; } = "user_groups";
    }
}
