using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms
{
    public sealed partial class LmsFieldCatalog
    {
        private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

        /// <summary>
        /// SCIM 2.0 (RFC 7643 §4.1, lms-apis.md §3.2). Canonical names are the attribute paths of the core
        /// User schema, flattened where SCIM uses multi-valued attributes:
        /// <list type="bullet">
        /// <item><c>userName</c> (the login, mandatory), <c>name.givenName</c>, <c>name.familyName</c>, <c>displayName</c>, <c>title</c> …</item>
        /// <item><c>email</c> = the primary work email, <c>emails[type eq "work"].value</c> on the wire
        /// (aliases <c>emails[primary].value</c>, <c>emails.value</c>);</item>
        /// <item><c>phoneNumber</c> = <c>phoneNumbers[type eq "work"].value</c>;</item>
        /// <item><c>enterprise.department</c>, <c>enterprise.employeeNumber</c>, <c>enterprise.costCenter</c>,
        /// <c>enterprise.organization</c>, <c>enterprise.division</c>, <c>enterprise.manager</c> = the enterprise
        /// extension (aliases: the full <c>urn:…:enterprise:2.0:User:</c> paths);</item>
        /// <item><c>externalId</c> keeps the Salesforce Id. <c>active</c> is not mappable: the plan drives it.</item>
        /// </list>
        /// SCIM has no departments as org units; map a department name to <c>enterprise.department</c>.
        /// </summary>
        public static LmsFieldCatalog Scim { get; } = new LmsFieldCatalog(
            LmsKind.Scim,
            new[]
            {
                new LmsFieldDefinition("userName", LmsFieldKind.Login, mandatory: true),
                new LmsFieldDefinition("name.givenName"),
                new LmsFieldDefinition("name.familyName"),
                new LmsFieldDefinition("displayName"),
                new LmsFieldDefinition("nickName"),
                new LmsFieldDefinition("title"),
                new LmsFieldDefinition("userType"),
                new LmsFieldDefinition("preferredLanguage"),
                new LmsFieldDefinition("locale"),
                new LmsFieldDefinition("timezone"),
                new LmsFieldDefinition("email", LmsFieldKind.Email, description: "The primary work email: emails[type eq \"work\"].value.",
                    aliases: new[] { "emails[primary].value", "emails[type eq \"work\"].value", "emails.value" }),
                new LmsFieldDefinition("phoneNumber", description: "The work phone: phoneNumbers[type eq \"work\"].value.",
                    aliases: new[] { "phoneNumbers[type eq \"work\"].value", "phoneNumbers.value" }),
                new LmsFieldDefinition("externalId", description: "Keeps the Salesforce Id; filled automatically when not mapped."),
                EnterpriseField("department"),
                EnterpriseField("employeeNumber"),
                EnterpriseField("costCenter"),
                EnterpriseField("organization"),
                EnterpriseField("division"),
                EnterpriseField("manager", "manager.value: the manager's id in the SCIM service."),
            },
            loginField: "userName",
            emailField: "email");

        private static LmsFieldDefinition EnterpriseField(string name, string? description = null) =>
            new LmsFieldDefinition("enterprise." + name, description: description ?? "Enterprise extension attribute.",
                aliases: name == "manager" ? new[] { Enterprise + name, Enterprise + name + ".value" } : new[] { Enterprise + name });

        private static SyncMapping ScimDefaultMapping() => new SyncMapping
        {
            Fields =
            {
                MapEmail("userName", "Email", "Username"),
                Map("name.givenName", "FirstName"),
                Map("name.familyName", "LastName"),
                Map("displayName", "Name"),
                MapEmail("email", "Email"),
                Map("title", "Title"),
                Map("enterprise.department", "Department"),
                Map("enterprise.employeeNumber", "EmployeeNumber"),
            },
        };
    }
}
