using System;
using System.Linq;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Tests.Salesforce;

public class SoqlTests
{
    [Theory]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("line\nbreak", @"'line\nbreak'")]
    [InlineData("say \"hi\"", @"'say \""hi\""'")]
    [InlineData("50% off_x", "'50% off_x'")]
    public void Strings_are_quoted_and_escaped(string value, string expected) => Assert.Equal(expected, SoqlLiteral.String(value));

    [Fact]
    public void Like_patterns_escape_wildcards_in_the_value_only() =>
        Assert.Equal(@"'%50\% off\_x%'", SoqlLiteral.LikeContains("50% off_x"));

    [Fact]
    public void Datetimes_are_unquoted_utc()
    {
        Assert.Equal("2026-09-30T21:20:00Z", SoqlLiteral.DateTime(new DateTimeOffset(2026, 9, 30, 23, 20, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2026-09-30T21:20:00.250Z", SoqlLiteral.DateTime(new DateTimeOffset(2026, 9, 30, 21, 20, 0, 250, TimeSpan.Zero)));
        Assert.Equal("2026-09-30", SoqlLiteral.Date(new DateTime(2026, 9, 30)));
    }

    [Fact]
    public void In_lists_quote_each_value_and_refuse_to_be_empty()
    {
        Assert.Equal(@"('a','b\'c')", SoqlLiteral.List(new[] { "a", "b'c" }));
        Assert.Throws<ArgumentException>(() => SoqlLiteral.List(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("Department")]
    [InlineData("Manager.Manager.Email")]
    [InlineData("Cost_Center__c")]
    public void Field_paths_are_accepted(string path) => Assert.Equal(path, SoqlLiteral.FieldPath(path));

    [Theory]
    [InlineData("Email FROM User --")]
    [InlineData("Email, Id")]
    [InlineData("Manager..Email")]
    [InlineData("1Field")]
    [InlineData("")]
    public void Things_that_are_not_field_paths_are_refused(string path) => Assert.Throws<ArgumentException>(() => SoqlLiteral.FieldPath(path));

    [Theory]
    [InlineData("Department = 'Sales'")]
    [InlineData("(Department = 'Sales' OR Title LIKE '%Manager%') AND IsActive = true")]
    [InlineData("Title = 'Head; of LIMIT and ORDER BY'")]
    [InlineData(@"Name = 'O\'Brien'")]
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Name = 'Learners')")]
    [InlineData("CreatedDate = LAST_N_DAYS:30")]
    public void Conditions_are_accepted_as_is(string fragment) => Assert.Equal(fragment, SoqlWhereFragment.Validate(fragment));

    [Theory]
    [InlineData("IsActive = true LIMIT 10", "LIMIT")]
    [InlineData("IsActive = true ORDER BY Name", "ORDER")]
    [InlineData("IsActive = true; DELETE", "';'")]
    [InlineData("Department = 'Sales') OR (Name != null", "closes more")]
    [InlineData("(Department = 'Sales'", "not closed")]
    [InlineData("Department = 'Sales", "not closed")]
    [InlineData("WHERE Department = 'Sales'", "without the word WHERE")]
    [InlineData("IsActive = true FOR UPDATE", "FOR")]
    public void Attempts_to_leave_the_condition_are_refused_with_the_reason(string fragment, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => SoqlWhereFragment.Validate(fragment));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void The_source_query_selects_required_fields_once_and_ands_the_filter_in_parentheses()
    {
        var builder = new SourceQueryBuilder(SourceObject.User)
            .AddFields(new[] { "Email", "email", "Manager.Email", "Id" })
            .Where("Department = 'Sales' OR Department = 'Support'");

        Assert.Equal(new[] { "Id", "IsActive", "SystemModstamp", "Email", "Manager.Email" }, builder.Fields.ToArray());
        Assert.Equal("SELECT Id, IsActive, SystemModstamp, Email, Manager.Email FROM User WHERE UserType = 'Standard' AND (Department = 'Sales' OR Department = 'Support')", builder.Build());
    }

    [Fact]
    public void Contacts_have_no_IsActive_nor_UserType_filter_and_a_watermark_filters_on_SystemModstamp()
    {
        var soql = new SourceQueryBuilder(SourceObject.Contact)
            .AddField("Email")
            .ModifiedSince(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))
            .Build();

        Assert.Equal("SELECT Id, SystemModstamp, Email FROM Contact WHERE SystemModstamp >= 2026-11-01T00:00:00Z", soql);
    }

    [Fact]
    public void A_delta_read_orders_by_SystemModstamp_then_Id_and_a_read_by_id_quotes_each_id()
    {
        var delta = new SourceQueryBuilder().ModifiedSince(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        delta.OrderBySystemModstamp = true;
        Assert.Equal("SELECT Id, IsActive, SystemModstamp FROM User WHERE UserType = 'Standard' AND SystemModstamp >= 2026-11-01T00:00:00Z ORDER BY SystemModstamp, Id", delta.Build());

        var byId = new SourceQueryBuilder().IdIn(new[] { "005000000000001AAA", "005'x" }).Where("Department != 'Board'");
        Assert.Equal("SELECT Id, IsActive, SystemModstamp FROM User WHERE UserType = 'Standard' AND Id IN ('005000000000001AAA', '005\\'x') AND (Department != 'Board')", byId.Build());
    }

    [Fact]
    public void The_standard_user_filter_can_be_turned_off()
    {
        var builder = new SourceQueryBuilder { StandardUsersOnly = false };

        Assert.Equal("SELECT Id, IsActive, SystemModstamp FROM User", builder.Build());
    }

    [Theory]
    [InlineData("SELECT Id, Manager.Email, (SELECT Id FROM Contacts), COUNT(Id) FROM User WHERE Name = 'x FROM y'", "User", new[] { "Id", "Manager.Email" }, false)]
    [InlineData("select count() from Contact", "Contact", new string[0], true)]
    public void The_select_list_of_plain_soql_is_understood(string soql, string objectName, string[] fields, bool countOnly)
    {
        var select = SoqlSelectList.Of(soql);

        Assert.Equal(objectName, select.ObjectName);
        Assert.Equal(fields, select.Fields.ToArray());
        Assert.Equal(countOnly, select.IsCountOnly);
    }
}
