namespace LmsSync.Core.Tests.Sandbox;

/// <summary>ORDER BY (multi-key, ASC/DESC, NULLS FIRST/LAST, parent paths), LIMIT and OFFSET.</summary>
public class SoqlOrderingTests
{
    private static readonly SandboxTestOrg Fixture = new();

    [Theory]
    [InlineData("ORDER BY LastName", "Boss,Middle,Müller,Smith,Solo")]
    [InlineData("ORDER BY lastname ASC", "Boss,Middle,Müller,Smith,Solo")]
    [InlineData("ORDER BY LastName DESC", "Solo,Smith,Müller,Middle,Boss")]
    // Defaults: ascending puts nulls first, descending puts them last; ties keep creation order.
    [InlineData("ORDER BY Department", "Müller,Smith,Boss,Middle,Solo")]
    [InlineData("ORDER BY Department DESC", "Solo,Boss,Middle,Smith,Müller")]
    [InlineData("ORDER BY Department NULLS LAST", "Smith,Boss,Middle,Solo,Müller")]
    [InlineData("ORDER BY Department DESC NULLS FIRST", "Müller,Solo,Boss,Middle,Smith")]
    [InlineData("ORDER BY Department, LastName DESC", "Müller,Smith,Middle,Boss,Solo")]
    [InlineData("ORDER BY Manager.LastName NULLS LAST, LastName", "Middle,Smith,Solo,Boss,Müller")]
    [InlineData("ORDER BY Termination_Date__c DESC", "Müller,Middle,Smith,Boss,Solo")]
    [InlineData("ORDER BY CreatedDate, LastName", "Müller,Smith,Middle,Boss,Solo")]
    [InlineData("ORDER BY IsActive, LastName", "Müller,Boss,Middle,Smith,Solo")]
    [InlineData("ORDER BY Id", "Boss,Middle,Smith,Müller,Solo")]
    [InlineData("ORDER BY Id DESC", "Solo,Müller,Smith,Middle,Boss")]
    [InlineData("ORDER BY LastName LIMIT 2", "Boss,Middle")]
    [InlineData("ORDER BY LastName LIMIT 2 OFFSET 2", "Müller,Smith")]
    [InlineData("ORDER BY LastName OFFSET 4", "Solo")]
    [InlineData("ORDER BY LastName OFFSET 9", "")]
    [InlineData("LIMIT 0", "")]
    [InlineData("LIMIT 3", "Boss,Middle,Smith")]
    public void Rows_come_back_in_the_requested_order(string tail, string expected)
    {
        Assert.Equal(expected, Fixture.LastNames($"SELECT LastName FROM User {tail}"));
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        Assert.Equal("Middle", Fixture.LastNames("select lastname from user where department = 'Sales' order by lastname desc limit 1"));
        Assert.Equal("Boss", Fixture.LastNames("SeLeCt LastName FrOm User WhErE Department = 'Sales' AnD ManagerId = NULL"));
    }

    [Fact]
    public void TotalSize_counts_the_rows_after_offset_and_limit()
    {
        var result = Fixture.Org.Query("SELECT Id FROM User ORDER BY LastName LIMIT 2 OFFSET 1");

        Assert.Equal(2, result.TotalSize);
        Assert.Equal(2, result.RowCount);
    }
}
