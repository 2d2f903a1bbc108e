namespace LmsSync.Core.Tests.Sandbox;

/// <summary>
/// WHERE semantics over the hand-made org (users in creation order: Boss, Middle, Smith, Müller,
/// Solo; "today" is 2026-09-30). Each row: a WHERE clause and the last names it must return.
/// </summary>
public class SoqlFilterTests
{
    private static readonly SandboxTestOrg Fixture = new();

    [Theory]
    // Equality and inequality: text ignores case; a null field is "not equal" to any value.
    [InlineData("Department = 'sales'", "Boss,Middle")]
    [InlineData("Department != 'Sales'", "Smith,Müller,Solo")]
    [InlineData("Department <> 'SALES'", "Smith,Müller,Solo")]
    [InlineData("Department = null", "Müller")]
    [InlineData("Department != null", "Boss,Middle,Smith,Solo")]
    [InlineData("FirstName = 'zoë'", "Müller")]
    [InlineData("LastName > 'Middle'", "Smith,Müller,Solo")]
    [InlineData("LastName <= 'Middle'", "Boss,Middle")]
    [InlineData("Department < 'Support'", "Boss,Middle,Smith")]
    // Booleans.
    [InlineData("IsActive = false", "Müller")]
    [InlineData("IsActive = TRUE", "Boss,Middle,Smith,Solo")]
    [InlineData("IsActive != true", "Müller")]
    // Dates and datetimes, absolute.
    [InlineData("Termination_Date__c < 2026-09-30", "Smith")]
    [InlineData("Termination_Date__c <= 2026-09-30", "Middle,Smith")]
    [InlineData("Termination_Date__c = 2026-09-30", "Middle")]
    [InlineData("Termination_Date__c > 2026-09-30", "Müller")]
    [InlineData("Termination_Date__c >= 2026-09-30", "Middle,Müller")]
    [InlineData("Termination_Date__c = null", "Boss,Solo")]
    [InlineData("CreatedDate > 2026-09-25T00:00:00Z", "Boss,Middle,Solo")]
    [InlineData("CreatedDate >= 2026-09-30T12:00:00.000Z", "Boss,Solo")]
    [InlineData("CreatedDate > 2026-09-30T13:00:00+02:00", "Boss,Solo")]
    [InlineData("CreatedDate < 2026-09-30t13:00:00-01:00", "Boss,Middle,Smith,Müller,Solo")]
    [InlineData("CreatedDate < 2026-09-30T13:00:00+02:00", "Middle,Smith,Müller")]
    // Relative date literals, against the org clock.
    [InlineData("Termination_Date__c = TODAY", "Middle")]
    [InlineData("Termination_Date__c = YESTERDAY", "Smith")]
    [InlineData("Termination_Date__c = TOMORROW", "")]
    [InlineData("Termination_Date__c < TODAY", "Smith")]
    [InlineData("Termination_Date__c <= TODAY", "Middle,Smith")]
    [InlineData("Termination_Date__c > today", "Müller")]
    [InlineData("Termination_Date__c >= TODAY", "Middle,Müller")]
    [InlineData("Termination_Date__c != TODAY", "Boss,Smith,Müller,Solo")]
    [InlineData("Termination_Date__c = NEXT_N_DAYS:5", "Müller")]
    [InlineData("Termination_Date__c = NEXT_N_DAYS:4", "")]
    [InlineData("Termination_Date__c = LAST_N_DAYS:1", "Middle,Smith")]
    [InlineData("CreatedDate = TODAY", "Boss,Solo")]
    [InlineData("CreatedDate = LAST_N_DAYS:7", "Boss,Middle,Solo")]
    [InlineData("CreatedDate < LAST_N_DAYS:30", "Müller")]
    [InlineData("CreatedDate = N_DAYS_AGO:10", "Smith")]
    [InlineData("CreatedDate = THIS_MONTH", "Boss,Middle,Smith,Solo")]
    [InlineData("CreatedDate = LAST_MONTH", "Müller")]
    // LIKE: % and _, case-insensitive, escaped wildcards match themselves.
    [InlineData("Name LIKE 'bea%'", "Boss")]
    [InlineData("LastName LIKE '_mith'", "Smith")]
    [InlineData("LastName LIKE 'm%r'", "Müller")]
    [InlineData("Email LIKE '%ACME.example.COM'", "Boss,Middle,Smith,Müller,Solo")]
    [InlineData("Title LIKE '50\\% off\\_%'", "Solo")]
    [InlineData("Title LIKE '%\\_%'", "Solo")]
    [InlineData("Title LIKE '%_%'", "Boss,Solo")]
    [InlineData("Department LIKE '%'", "Boss,Middle,Smith,Solo")]
    // IN and NOT IN (null is a value SOQL can list).
    [InlineData("LastName IN ('boss', 'SOLO')", "Boss,Solo")]
    [InlineData("Department NOT IN ('Sales', 'Support')", "Smith,Müller")]
    [InlineData("Department IN ('Sales', null)", "Boss,Middle,Müller")]
    [InlineData("Termination_Date__c IN (2026-09-29, 2026-10-05)", "Smith,Müller")]
    // Multi-select picklists: INCLUDES / EXCLUDES, and = compares the set of values.
    [InlineData("LMS_Groups__c INCLUDES ('Onboarding')", "Boss,Müller")]
    [InlineData("LMS_Groups__c INCLUDES ('Onboarding;Compliance')", "Boss")]
    [InlineData("LMS_Groups__c INCLUDES ('Onboarding;Compliance', 'compliance')", "Boss,Smith")]
    [InlineData("LMS_Groups__c EXCLUDES ('Compliance')", "Middle,Müller,Solo")]
    [InlineData("LMS_Groups__c = 'Compliance;Onboarding'", "Boss")]
    // Parent paths, one and two levels, with missing parents reading as null.
    [InlineData("Manager.LastName = 'Boss'", "Middle")]
    [InlineData("Manager.Manager.LastName = 'Boss'", "Smith")]
    [InlineData("Manager.Manager.Manager.LastName = 'Boss'", "Solo")]
    [InlineData("Manager.Email = null", "Boss,Müller")]
    [InlineData("Profile.Name = 'System Administrator'", "Boss")]
    [InlineData("UserRole.Name = null", "Middle,Smith,Müller,Solo")]
    // AND / OR / NOT and parentheses.
    [InlineData("Department = 'Sales' AND IsActive = true AND ManagerId != null", "Middle")]
    [InlineData("Department = 'Support' OR IsActive = false OR LastName = 'Boss'", "Boss,Müller,Solo")]
    [InlineData("(Department = 'Sales' OR Department = 'Support') AND ManagerId != null", "Middle,Solo")]
    [InlineData("Department = 'Sales' OR (Department = 'Support' AND ManagerId != null)", "Boss,Middle,Solo")]
    [InlineData("(Department = 'Sales' AND ManagerId = null) OR (IsActive = false)", "Boss,Müller")]
    [InlineData("NOT Department = 'Sales'", "Smith,Müller,Solo")]
    [InlineData("NOT (Department = 'Sales' OR IsActive = false)", "Smith,Solo")]
    [InlineData("IsActive = true AND (NOT Department = 'Sales')", "Smith,Solo")]
    [InlineData("((LastName = 'Boss'))", "Boss")]
    // Semi-joins and anti-joins.
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular')", "Boss,Middle")]
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember)", "Boss,Middle,Solo")]
    [InlineData("Id NOT IN (SELECT UserOrGroupId FROM GroupMember)", "Smith,Müller")]
    [InlineData("ManagerId IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Name = 'All Sales')", "Middle,Smith")]
    [InlineData("IsActive = true AND Id NOT IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular')", "Smith,Solo")]
    public void Where_clause_selects_the_expected_users(string where, string expected)
    {
        Assert.Equal(expected, Fixture.LastNames($"SELECT LastName FROM User WHERE {where}"));
    }

    [Fact]
    public void Id_literals_may_be_15_or_18_characters_in_either_case_of_the_suffix()
    {
        var t = Fixture;
        Assert.Equal("Boss", t.LastNames($"SELECT LastName FROM User WHERE Id = '{t.Boss[..15]}'"));
        Assert.Equal("Boss", t.LastNames($"SELECT LastName FROM User WHERE Id = '{t.Boss[..15] + t.Boss[15..].ToLowerInvariant()}'"));
        Assert.Equal("Middle,Smith", t.LastNames($"SELECT LastName FROM User WHERE ManagerId IN ('{t.Boss}', '{t.Middle[..15]}')"));
        Assert.Equal("Boss,Middle", t.LastNames($"SELECT LastName FROM User WHERE Id < '{t.Smith}'"));
    }

    [Fact]
    public void Numbers_compare_as_numbers()
    {
        var t = Fixture;
        Assert.Equal(1, t.Org.Query("SELECT Id FROM Account WHERE NumberOfEmployees > 1000").TotalSize);
        Assert.Equal(0, t.Org.Query("SELECT Id FROM Account WHERE NumberOfEmployees < -5").TotalSize);
        Assert.Equal(1, t.Org.Query("SELECT Id FROM Account WHERE AnnualRevenue = 98500000.50").TotalSize);
        Assert.Equal(1, t.Org.Query("SELECT Id FROM Account WHERE AnnualRevenue IN (1, 98500000.5)").TotalSize);
    }

    [Fact]
    public void Relative_date_literals_follow_the_org_clock()
    {
        var t = new SandboxTestOrg();
        t.Clock.Now = SandboxTestOrg.Now.AddDays(1);

        Assert.Equal("Middle", t.LastNames("SELECT LastName FROM User WHERE Termination_Date__c = YESTERDAY"));
    }

    [Fact]
    public void Query_excludes_deleted_rows_and_queryAll_includes_them()
    {
        var t = Fixture;
        Assert.Equal("Contact,Orphan", t.LastNames("SELECT LastName FROM Contact"));
        Assert.Equal("Contact,Orphan,Gone", t.LastNames("SELECT LastName FROM Contact", includeDeleted: true));
        Assert.Equal("Gone", t.LastNames("SELECT LastName FROM Contact WHERE IsDeleted = true", includeDeleted: true));
        Assert.Equal("", t.LastNames("SELECT LastName FROM Contact WHERE IsDeleted = true"));
        Assert.Equal("Contact", t.LastNames("SELECT LastName FROM Contact WHERE Account.Name = 'Acme Corp'"));
    }

    [Fact]
    public void Count_returns_the_number_of_matches_and_no_records()
    {
        var result = Fixture.Org.Query("SELECT COUNT() FROM User WHERE IsActive = true");

        Assert.True(result.IsCount);
        Assert.Equal(4, result.TotalSize);
        Assert.Equal(0, result.RowCount);
        Assert.Empty(result.Columns);
        Assert.Equal(2, Fixture.Org.Query("select count() from user limit 2").TotalSize);
    }
}
