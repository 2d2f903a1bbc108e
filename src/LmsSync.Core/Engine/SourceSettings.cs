namespace LmsSync.Core.Engine
{
    /// <summary>Which Salesforce records are the source people. Plain and settable: it lives in the profile file.</summary>
    public sealed class SourceSettings
    {
        /// <summary><c>User</c> (default) or <c>Contact</c>.</summary>
        public string ObjectName { get; set; } = "User";

        /// <summary>An extra SOQL condition (e.g. <c>Department = 'Sales'</c>); null reads every record.</summary>
        public string? Where { get; set; }

        /// <summary>User only: keep internal users (<c>UserType = 'Standard'</c>).</summary>
        public bool StandardUsersOnly { get; set; } = true;

        /// <summary>Read public-group memberships when the group mapping asks for them.</summary>
        public bool IncludePublicGroups { get; set; } = true;
    }
}
