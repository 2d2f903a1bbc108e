namespace LmsSync.Core.Lms.Scim
{
    /// <summary>The RFC 7643/7644 URNs the client writes and reads.</summary>
    public static class ScimSchemaUris
    {
        public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
        public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
        public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
        public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
        public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
        public const string BulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
        public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";

        /// <summary>SCIM's own media type (RFC 7644 §3.1); servers also answer plain application/json.</summary>
        public const string MediaType = "application/scim+json";
    }
}
