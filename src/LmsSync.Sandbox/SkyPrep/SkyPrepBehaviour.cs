namespace LmsSync.Sandbox.SkyPrep;

/// <summary>The shape of an error body; SkyPrep's is undocumented [I].</summary>
public enum SkyPrepErrorShape
{
    /// <summary><c>{"message":"…"}</c> (what the reference suggests for a bad key).</summary>
    Message,
    /// <summary><c>{"error":"…"}</c>.</summary>
    Error,
    /// <summary><c>{"errors":["…"]}</c>.</summary>
    Errors,
}

/// <summary>How a user's login is disabled; SkyPrep's API call for it is undocumented [I].</summary>
public enum SkyPrepDeactivationStyle
{
    /// <summary><c>update_user</c> with <c>status=inactive|active</c>; users carry <c>"status"</c>.</summary>
    StatusParameter,
    /// <summary><c>update_user</c> with <c>disabled=true|false</c>; users carry <c>"disabled"</c>.</summary>
    DisabledFlag,
    /// <summary><c>deactivate_user</c> / <c>reactivate_user</c> with <c>user_id</c>; users carry <c>"status"</c>.</summary>
    DedicatedMethods,
}

/// <summary>
/// Every behaviour of the SkyPrep emulator that the public material does not pin down (lms-apis.md §1.3 "Not
/// found", §1.4, §1.5), as a switch. Defaults match the client's defaults (docs/lms/skyprep.md). Changed
/// in-process or by <c>POST /__admin/skyprep/behaviour</c> with any subset of these properties.
/// </summary>
public sealed class SkyPrepBehaviour
{
    // ---- credentials ----
    /// <summary>Status for a missing or wrong <c>api_key</c> (401 or 403) [I].</summary>
    public int BadApiKeyStatus { get; set; } = 401;
    /// <summary>A wrong <c>acct_key</c> gets the account's HTML page with 200 [C]; off: <see cref="BadApiKeyStatus"/> with a JSON error.</summary>
    public bool WrongAcctKeyAnswersHtml { get; set; } = true;

    // ---- rate limit (the limit is documented; the status and shape are not) ----
    /// <summary>Calls per sliding minute per source IP [D: 100]; 0 turns the limiter off.</summary>
    public int RateLimitPerMinute { get; set; } = 100;
    public int RateLimitStatus { get; set; } = 429;
    public bool RateLimitSendsRetryAfter { get; set; } = true;
    public string RateLimitMessage { get; set; } = "Rate limit exceeded. The API allows 100 calls per minute.";

    // ---- errors ----
    public SkyPrepErrorShape ErrorShape { get; set; } = SkyPrepErrorShape.Message;
    /// <summary>Missing or invalid values; set to 422, or 200 to report errors in a 200 answer.</summary>
    public int ValidationStatus { get; set; } = 400;
    /// <summary>An email or group name already taken.</summary>
    public int DuplicateStatus { get; set; } = 409;
    /// <summary>No such user, group or method.</summary>
    public int NotFoundStatus { get; set; } = 404;

    // ---- paging and shapes ----
    /// <summary>Off: lists ignore the paging parameters and return everything in one answer.</summary>
    public bool Paging { get; set; } = true;
    public string PageParameter { get; set; } = "page";
    public string PerPageParameter { get; set; } = "per_page";
    public int DefaultPerPage { get; set; } = 100;
    public int MaxPerPage { get; set; } = 1000;
    /// <summary>Off: lists are bare arrays. On: wrapped, <c>{"users":[…]}</c> / <c>{"user_groups":[…]}</c>.</summary>
    public bool WrapLists { get; set; }

    // ---- users ----
    /// <summary><c>create_user</c>/<c>update_user</c> email parameter (docs example: <c>user_email</c>; SDK sample: <c>email</c>).</summary>
    public string EmailParameter { get; set; } = "user_email";
    public bool EmailsCaseInsensitive { get; set; } = true;
    /// <summary>The field holding the Salesforce Id (SDK sample: <c>user_identifier</c>).</summary>
    public string SalesforceIdField { get; set; } = "user_identifier";
    /// <summary><c>get_user</c> finds a user by email with this parameter; off: only <c>user_id</c> works (400 otherwise).</summary>
    public bool GetUserAcceptsEmail { get; set; } = true;
    public string UserEmailParameter { get; set; } = "user_email";
    /// <summary><c>get_user</c> finds a user by <see cref="SalesforceIdField"/>.</summary>
    public bool GetUserAcceptsSalesforceId { get; set; }
    /// <summary>How a custom label is sent; <c>{0}</c> is the label's name.</summary>
    public string CustomLabelParameterFormat { get; set; } = "custom_labels[{0}]";
    public string CustomLabelsField { get; set; } = "custom_labels";

    // ---- deactivation ----
    public SkyPrepDeactivationStyle Deactivation { get; set; } = SkyPrepDeactivationStyle.StatusParameter;
    public string StatusParameter { get; set; } = "status";
    public string ActiveStatusValue { get; set; } = "active";
    public string InactiveStatusValue { get; set; } = "inactive";
    public string DisabledParameter { get; set; } = "disabled";
    public string DeactivateMethod { get; set; } = "deactivate_user";
    public string ReactivateMethod { get; set; } = "reactivate_user";

    // ---- groups ----
    public string AddUsersToGroupMethod { get; set; } = "add_users_to_user_group";
    public string RemoveUsersFromGroupMethod { get; set; } = "remove_users_from_user_group";
    public string MembershipUserIdsParameter { get; set; } = "user_ids";
    public string GroupIdParameter { get; set; } = "user_group_id";
    public string GroupNameParameter { get; set; } = "name";
    /// <summary>User objects list their groups in <see cref="UserGroupsField"/>.</summary>
    public bool UserObjectListsGroups { get; set; } = true;
    public string UserGroupsField { get; set; } = "user_groups";
    /// <summary><c>get_user_groups</c> takes <c>user_id</c> and returns only that user's groups.</summary>
    public bool GetUserGroupsFiltersByUser { get; set; } = true;

    // ---- welcome email ----
    /// <summary><c>create_user</c> parameter that sends the "New Account Email" (CSV names: <c>send_login_info</c>, <c>email_notifications</c>).</summary>
    public string WelcomeEmailParameter { get; set; } = "send_login_info";
    /// <summary>What happens when the parameter is absent: the UI mails every new user, so on by default.</summary>
    public bool WelcomeEmailWhenParameterAbsent { get; set; } = true;

    public SkyPrepBehaviour Clone() => (SkyPrepBehaviour)MemberwiseClone();
}
