using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms
{
    public sealed partial class LmsFieldCatalog
    {
        /// <summary>
        /// iSpring Learn (lms-apis.md §2.2, §2.6): <c>login</c>, <c>email</c>, <c>first_name</c>, <c>last_name</c>,
        /// a department and a group are mandatory, as iSpring's own connector requires. Custom fields
        /// (<c>USER_DEFINED_FIELD3</c>…) come from <c>GET /user/profile/fields</c>.
        /// </summary>
        public static LmsFieldCatalog ISpring { get; } = new LmsFieldCatalog(
            LmsKind.ISpring,
            new[]
            {
                new LmsFieldDefinition("login", LmsFieldKind.Login, mandatory: true),
                new LmsFieldDefinition("email", LmsFieldKind.Email, mandatory: true),
                new LmsFieldDefinition("first_name", mandatory: true),
                new LmsFieldDefinition("last_name", mandatory: true),
                new LmsFieldDefinition("job_title"),
                new LmsFieldDefinition("phone"),
                new LmsFieldDefinition("country"),
                new LmsFieldDefinition("birthdate", LmsFieldKind.Date),
            },
            loginField: "login",
            emailField: "email",
            departmentMandatory: true,
            groupsMandatory: true);

        private static SyncMapping ISpringDefaultMapping()
        {
            var groups = new GroupMapping("Division");
            return new SyncMapping
            {
                Fields =
                {
                    MapEmail("login", "Email", "Username"),
                    MapEmail("email", "Email"),
                    Map("first_name", "FirstName"),
                    Map("last_name", "LastName"),
                    Map("job_title", "Title"),
                    Map("phone", "Phone", "MobilePhone"),
                    Map("country", "Country"),
                },
                Department = new DepartmentMapping("Department"),
                Groups = groups,
            };
        }
    }
}
