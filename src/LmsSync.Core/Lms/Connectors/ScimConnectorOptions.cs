namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>What the SCIM connector adds to its wire client's options.</summary>
    public sealed class ScimConnectorOptions
    {
        /// <summary>
        /// SCIM has no standard administrator flag: members of the group with this display name count as LMS
        /// administrators (never changed by the sync). Null = nobody is treated as an administrator.
        /// </summary>
        public string? AdministratorGroup { get; set; }
    }
}
