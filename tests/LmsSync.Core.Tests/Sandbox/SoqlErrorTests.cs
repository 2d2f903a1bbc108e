namespace LmsSync.Core.Tests.Sandbox;

/// <summary>Queries Salesforce rejects, with its errorCodes and message text (caret position included).</summary>
public class SoqlErrorTests
{
    private const string CustomFieldHint =
        "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

    private static readonly SandboxTestOrg Fixture = new();

    [Fact]
    public void Unknown_field_is_INVALID_FIELD_with_a_caret_under_it()
    {
        var e = Fixture.Reject("SELECT Id, Foo FROM User");

        Assert.Equal("INVALID_FIELD", e.ErrorCode);
        Assert.Equal("\nSELECT Id, Foo FROM User\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'User'. " + CustomFieldHint, e.Message);
    }

    [Fact]
    public void Caret_points_into_the_right_line_of_a_multi_line_query()
    {
        var e = Fixture.Reject("SELECT Id,\n  Bogus__c\nFROM User");

        Assert.Equal("\n  Bogus__c\n  ^\nERROR at Row:2:Column:3\nNo such column 'Bogus__c' on entity 'User'. " + CustomFieldHint, e.Message);
    }

    [Fact]
    public void Unknown_field_behind_a_relationship_names_the_parent_entity()
    {
        Assert.Contains("No such column 'Foo' on entity 'User'", Fixture.Reject("SELECT Manager.Foo FROM User").Message);
        Assert.Contains("No such column 'Bogus' on entity 'Group'", Fixture.Reject("SELECT Group.Bogus FROM GroupMember").Message);
        Assert.Contains("No such column 'Fax' on entity 'User'", Fixture.Reject("SELECT Id FROM User WHERE Fax = null").Message);
        Assert.Contains("No such column 'Manager' on entity 'User'", Fixture.Reject("SELECT Manager FROM User").Message);
    }

    [Fact]
    public void Unknown_relationship_is_INVALID_FIELD()
    {
        var e = Fixture.Reject("SELECT Id, Boss.Email FROM User");

        Assert.Equal("INVALID_FIELD", e.ErrorCode);
        Assert.Equal(
            "\nSELECT Id, Boss.Email FROM User\n           ^\nERROR at Row:1:Column:12\nDidn't understand relationship 'Boss' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
            e.Message);
        Assert.Contains("relationship 'UserOrGroup'", Fixture.Reject("SELECT UserOrGroup.Name FROM GroupMember").Message);
    }

    [Fact]
    public void Unknown_object_is_INVALID_TYPE()
    {
        var e = Fixture.Reject("SELECT Id FROM Foo");

        Assert.Equal("INVALID_TYPE", e.ErrorCode);
        Assert.Equal(
            "\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
            e.Message);
    }

    [Theory]
    [InlineData("SELECT Id FROM User WHERE", 26, "<EOF>")]
    [InlineData("SELECT * FROM User", 8, "*")]
    [InlineData("SELECT Id, FROM User", 12, "FROM")]
    [InlineData("SELECT Id FROM User WHERE IsActive = true AND Department = 'Sales' OR Title = 'x'", 68, "OR")]
    [InlineData("SELECT Id FROM User WHERE IsActive = true OR Department = 'Sales' AND Title = 'x'", 67, "AND")]
    [InlineData("SELECT Id FROM User WHERE IsActive = true AND NOT Department = 'Sales'", 47, "NOT")]
    [InlineData("SELECT Id FROM User WHERE NOT IsActive = true AND Department = 'Sales'", 47, "AND")]
    [InlineData("SELECT Id FROM User WHERE (IsActive = true", 43, "<EOF>")]
    [InlineData("SELECT Id FROM User WHERE IsActive == true", 37, "=")]
    [InlineData("SELECT Id FROM User WHERE Department = Sales", 40, "Sales")]
    [InlineData("SELECT Id FROM User LIMIT 5 WHERE IsActive = true", 29, "WHERE")]
    [InlineData("SELECT Id FROM User LIMIT 1.5", 27, "1.5")]
    [InlineData("SELECT Id FROM User WHERE CreatedDate > 2026-09-01T00:00:00", 41, "2026-09-01T00:00:00")]
    [InlineData("SELECT Id FROM User WHERE Hire_Date__c = 2026-02-30", 42, "2026-02-30")]
    [InlineData("SELECT Id FROM User WHERE CreatedDate = LAST_N_DAYS", 52, "<EOF>")]
    [InlineData("SELECT Id FROM User WHERE Id IN (SELECT UserOrGroupId FROM GroupMember ORDER BY Id)", 72, "ORDER")]
    [InlineData("SELECT Id FROM User u", 21, "u")]
    public void Syntax_errors_are_MALFORMED_QUERY_pointing_at_the_unexpected_token(string soql, int column, string token)
    {
        var e = Fixture.Reject(soql);

        Assert.Equal("MALFORMED_QUERY", e.ErrorCode);
        Assert.Equal($"\n{soql}\n{new string(' ', column - 1)}^\nERROR at Row:1:Column:{column}\nunexpected token: '{token}'", e.Message);
    }

    [Theory]
    [InlineData("", "SOQL statements cannot be empty or null")]
    [InlineData("SELECT Id FROM User WHERE LastName = 'abc", "mismatched character '<EOF>' expecting '''")]
    [InlineData("SELECT Id FROM User WHERE LastName = 'a\\qb'", "Invalid string literal ''a\\qb''. Illegal character sequence '\\q' in string literal.")]
    [InlineData("SELECT Id, id FROM User", "duplicate field selected: Id")]
    [InlineData("SELECT Id FROM User WHERE Id IN (SELECT Id FROM Group WHERE Id IN (SELECT GroupId FROM GroupMember))", "Nested semi join sub-selects are not supported")]
    [InlineData("SELECT Id FROM User WHERE LastName IN (SELECT UserOrGroupId FROM GroupMember)", "Semi join sub-selects are only allowed on id fields")]
    [InlineData("SELECT Id FROM User WHERE Id IN (SELECT SystemModstamp FROM GroupMember)", "must be a single Id or reference field")]
    public void Other_malformed_queries(string soql, string reasonEnding)
    {
        var e = Fixture.Reject(soql);

        Assert.Equal("MALFORMED_QUERY", e.ErrorCode);
        Assert.EndsWith(reasonEnding, e.Message);
    }

    [Theory]
    [InlineData("Termination_Date__c = '2026-09-30'", "date", false)]
    [InlineData("Termination_Date__c > 2026-09-01T00:00:00Z", "date", false)]
    [InlineData("CreatedDate > 2026-09-01", "dateTime", false)]
    [InlineData("CreatedDate > '2026-09-01T00:00:00Z'", "dateTime", false)]
    [InlineData("Department = 5", "string", true)]
    [InlineData("Department = true", "string", true)]
    [InlineData("Department = TODAY", "string", true)]
    [InlineData("Department IN ('Sales', 5)", "string", true)]
    [InlineData("IsActive = 'true'", "boolean", false)]
    [InlineData("ManagerId = 5", "id", true)]
    public void Literals_of_the_wrong_type_are_INVALID_FIELD(string where, string type, bool quoted)
    {
        var e = Fixture.Reject($"SELECT Id FROM User WHERE {where}");

        Assert.Equal("INVALID_FIELD", e.ErrorCode);
        var field = where.Split(' ')[0];
        Assert.EndsWith($"value of filter criterion for field '{field}' must be of type {type} and should {(quoted ? "" : "not ")}be enclosed in quotes", e.Message);
        Assert.Contains("ERROR at Row:1:Column:27", e.Message); // the caret is on the field
    }

    [Theory]
    [InlineData("SELECT Id FROM User WHERE AboutMe = 'x'", "INVALID_FIELD", "field 'AboutMe' can not be filtered in a query call")]
    [InlineData("SELECT Id FROM User ORDER BY LMS_Groups__c", "INVALID_FIELD", "field 'LMS_Groups__c' can not be sorted in a query call")]
    [InlineData("SELECT Id FROM User WHERE Id = 'abc'", "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: abc")]
    [InlineData("SELECT Id FROM User WHERE IsActive LIKE 'x'", "INVALID_QUERY_FILTER_OPERATOR", "invalid operator on boolean field")]
    [InlineData("SELECT Id FROM User WHERE IsActive > false", "INVALID_QUERY_FILTER_OPERATOR", "invalid operator on boolean field")]
    [InlineData("SELECT Id FROM User WHERE Department INCLUDES ('x')", "INVALID_QUERY_FILTER_OPERATOR", "includes or excludes operator only valid on multipicklist field")]
    [InlineData("SELECT Id FROM User WHERE LMS_Groups__c IN ('x')", "INVALID_QUERY_FILTER_OPERATOR", "invalid operator on multipicklist field")]
    [InlineData("SELECT Id FROM User OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000")]
    public void Semantic_errors_carry_salesforce_codes(string soql, string errorCode, string reasonEnding)
    {
        var e = Fixture.Reject(soql);

        Assert.Equal(errorCode, e.ErrorCode);
        Assert.EndsWith(reasonEnding, e.Message);
    }

    [Fact]
    public void Offset_of_exactly_2000_is_allowed()
    {
        Assert.Equal(0, Fixture.Org.Query("SELECT Id FROM User OFFSET 2000").RowCount);
    }
}
