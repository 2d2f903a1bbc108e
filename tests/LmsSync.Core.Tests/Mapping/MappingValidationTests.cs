using LmsSync.Core.Text;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;
using LmsSync.Core.Sync.Validation;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Mapping;

public class MappingValidationTests
{
    private static readonly SalesforceFieldSet Fields = new SalesforceFieldSet("User", Sf.UserFields);

    [Theory]
    [InlineData(LmsKind.SkyPrep)]
    [InlineData(LmsKind.ISpring)]
    [InlineData(LmsKind.Scim)]
    public void Every_default_mapping_is_valid_against_standard_user_fields(LmsKind kind)
    {
        var result = ProfileValidator.Validate(LmsFieldCatalog.DefaultMapping(kind), LmsFieldCatalog.For(kind), LmsCapabilities.For(kind), Fields,
            rules: new ImportRule[0], options: new SyncOptions());

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public void Lists_every_problem_at_once_each_with_what_to_do()
    {
        var mapping = new SyncMapping
        {
            Fields =
            {
                new FieldMapping("login", "Email"),
                new FieldMapping("email", "Emial"),
                new FieldMapping("frist_name", "FirstName"),
                new FieldMapping("job_title") { DateFormat = "yyyy-MM-dd" },
            },
            Department = new DepartmentMapping("Departmnt"),
        };
        var rules = new[]
        {
            new ImportRule { Name = "contractors", Conditions = { new RuleCondition("CompnyName", RuleOperator.Contains, "x") } },
            new ImportRule { Name = "contractors", Conditions = { new RuleCondition("Title", RuleOperator.Matches, "([a-z") } },
            new ImportRule { Name = "empty" },
            new ImportRule { Name = "big", Conditions = { new RuleCondition("EmployeeNumber", RuleOperator.GreaterThan, "lots"), new RuleCondition("Title", RuleOperator.In) } },
        };
        var options = new SyncOptions { TimeZone = "Mars/Olympus", TerminationDateField = "TerminationDate" };

        var result = ProfileValidator.Validate(mapping, LmsFieldCatalog.ISpring, LmsCapabilities.For(LmsKind.ISpring), Fields, rules, options);

        Assert.False(result.IsValid);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("mapping email: Salesforce field 'Emial' does not exist on User. Did you mean 'Email'?", messages);
        Assert.Contains(messages, m => m.Contains("Salesforce field 'Departmnt' does not exist on User. Did you mean 'Department'?"));
        Assert.Contains(messages, m => m.Contains("LMS field 'frist_name' is not a field of ISpring. Did you mean 'first_name'"));
        Assert.Contains(messages, m => m.StartsWith("mapping first_name:") && m.Contains("-LmsField first_name"));
        Assert.Contains(messages, m => m.StartsWith("mapping last_name:"));
        Assert.Contains(messages, m => m.StartsWith("mapping groups:"));
        Assert.Contains(messages, m => m.StartsWith("mapping job_title:") && m.Contains("-Primary or -Default"));
        Assert.Contains(messages, m => m.Contains("'CompnyName' does not exist on User. Did you mean 'CompanyName'?"));
        Assert.Contains(result.Errors, e => e.Code == "DuplicateRule");
        Assert.Contains(result.Errors, e => e.Code == "InvalidRegex");
        Assert.Contains(result.Errors, e => e.Code == "RuleWithoutConditions");
        Assert.Contains(result.Errors, e => e.Code == "NotComparable");
        Assert.Contains(result.Errors, e => e.Code == "MissingValue");
        Assert.Contains(result.Errors, e => e.Code == "UnknownTimeZone");
        Assert.Contains(messages, m => m.Contains("'TerminationDate' does not exist on User. Did you mean 'TerminationDate__c'?"));
        Assert.Equal(15, result.Errors.Count);
        Assert.Contains("The profile has 15 problems:", result.Describe());
    }

    [Fact]
    public void Departments_are_not_mappable_where_the_lms_has_none_and_custom_fields_become_known()
    {
        var mapping = LmsFieldCatalog.DefaultMapping(LmsKind.SkyPrep);
        mapping.Department = new DepartmentMapping("Department");
        mapping.Fields.Add(new FieldMapping("Cost Centre", "Division"));

        var plain = ProfileValidator.ValidateMapping(mapping, LmsFieldCatalog.SkyPrep, LmsCapabilities.For(LmsKind.SkyPrep), Fields);
        var extended = ProfileValidator.ValidateMapping(mapping, LmsFieldCatalog.SkyPrep.WithCustomFields(new[] { "Cost Centre" }), LmsCapabilities.For(LmsKind.SkyPrep), Fields);

        Assert.Equal(new[] { "DepartmentsNotSupported", "UnknownLmsField" }, plain.Errors.Select(e => e.Code).OrderBy(c => c));
        Assert.Equal(new[] { "DepartmentsNotSupported" }, extended.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Relationship_paths_count_as_real_when_the_relationship_is_known()
    {
        Assert.True(Fields.Contains("Manager.Email"));
        Assert.True(Fields.Contains("department"));
        Assert.False(Fields.Contains("Boss.Email"));
    }

    [Theory]
    [InlineData("Departmnt", "Department")]
    [InlineData("emial", "Email")]
    [InlineData("FristName", "FirstName")]
    public void Suggests_the_closest_name_by_edit_distance(string typo, string expected)
    {
        Assert.Equal(expected, ClosestNames.Find(typo, Sf.UserFields)[0]);
    }

    [Fact]
    public void Suggests_nothing_when_nothing_is_close()
    {
        Assert.Empty(ClosestNames.Find("Xyzzyplugh", Sf.UserFields));
        Assert.Equal("", ClosestNames.DidYouMean("Xyzzyplugh", Sf.UserFields));
    }
}
