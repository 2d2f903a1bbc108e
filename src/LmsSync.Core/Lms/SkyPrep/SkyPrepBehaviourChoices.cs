namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>Where <c>api_key</c> and <c>acct_key</c> travel. Never the query string (it ends up in logs).</summary>
    public enum SkyPrepCredentialPlacement
    {
        /// <summary>As POST body fields: the documented recommendation [D].</summary>
        Body,
        /// <summary>As <c>X-SkyPrep-API-Key</c> / <c>X-SkyPrep-Acct-Key</c> headers [D/C].</summary>
        Headers,
    }

    /// <summary>How <c>get_users</c> / <c>get_user_groups</c> return long lists; not documented publicly [I].</summary>
    public enum SkyPrepPaging
    {
        /// <summary>Ask page by page with <see cref="SkyPrepWireNames.PageParameter"/> and <see cref="SkyPrepWireNames.PerPageParameter"/>.</summary>
        PagePerPage,
        /// <summary>One call returns everything; send no paging parameters.</summary>
        SingleResponse,
    }

    /// <summary>How a user's login is disabled and enabled again; not documented publicly [I].</summary>
    public enum SkyPrepDeactivation
    {
        /// <summary><c>update_user</c> with <c>status=inactive</c> / <c>status=active</c>.</summary>
        StatusParameter,
        /// <summary><c>update_user</c> with <c>disabled=true</c> / <c>disabled=false</c>.</summary>
        DisabledFlag,
        /// <summary>Dedicated methods (<c>deactivate_user</c> / <c>reactivate_user</c>) with <c>user_id</c>.</summary>
        DedicatedMethods,
    }

    /// <summary>How a user is found by a field other than its id [I].</summary>
    public enum SkyPrepLookup
    {
        /// <summary><c>get_user</c> with the field as a parameter (404 = nobody).</summary>
        GetUserParameter,
        /// <summary>Read every page of <c>get_users</c> and compare (slow, but needs nothing undocumented).</summary>
        Scan,
    }

    /// <summary>How the groups of one user are read; not documented publicly [I].</summary>
    public enum SkyPrepGroupsOfUser
    {
        /// <summary>From the user object's groups field (<see cref="SkyPrepWireNames.UserGroupsField"/>) via <c>get_user</c>.</summary>
        UserObject,
        /// <summary><c>get_user_groups</c> with <c>user_id</c> as a filter.</summary>
        GetUserGroupsFilter,
    }
}
