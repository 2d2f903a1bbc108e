using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms
{
    public sealed partial class LmsFieldCatalog
    {
        /// <summary>
        /// SkyPrep (lms-apis.md §1.4): <c>first_name</c>, <c>last_name</c>, <c>email</c> are mandatory; email is
        /// also the login, so there is no separate login field. SkyPrep has groups but no departments.
        /// Custom labels are added with <see cref="WithCustomFields(System.Collections.Generic.IEnumerable{string})"/>.
        /// </summary>
        public static LmsFieldCatalog SkyPrep { get; } = new LmsFieldCatalog(
            LmsKind.SkyPrep,
            new[]
            {
                new LmsFieldDefinition("first_name", mandatory: true),
                new LmsFieldDefinition("last_name", mandatory: true),
                new LmsFieldDefinition("email", LmsFieldKind.Email, mandatory: true, description: "Also the login unless the account enables usernames."),
                new LmsFieldDefinition("company"),
                new LmsFieldDefinition("title"),
                new LmsFieldDefinition("cell", description: "Mobile phone."),
                new LmsFieldDefinition("user_identifier", description: "An external identifier (seen in SkyPrep's SDK; unverified)."),
            },
            loginField: null,
            emailField: "email");

        private static SyncMapping SkyPrepDefaultMapping() => new SyncMapping
        {
            Fields =
            {
                Map("first_name", "FirstName"),
                Map("last_name", "LastName"),
                MapEmail("email", "Email"),
                Map("company", "CompanyName"),
                Map("title", "Title"),
                Map("cell", "MobilePhone"),
            },
        };
    }
}
