using System;
using System.Collections.Generic;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Tests.Salesforce;

public class SalesforceRecordTests
{
    [Fact]
    public void Field_names_compare_case_insensitively_and_missing_fields_read_as_null()
    {
        var record = new SalesforceRecord("User", new Dictionary<string, object?> { ["Manager.Email"] = "boss@x.com", ["Id"] = "005000000000001AAA" });

        Assert.Equal("boss@x.com", record.GetString("manager.email"));
        Assert.Equal("005000000000001AAA", record.Id);
        Assert.Null(record["Department"]);
        Assert.False(record.Has("Department"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(12.50, "12.5")]
    public void Scalars_read_as_invariant_text(object value, string expected)
    {
        var v = value is double d ? (object)(decimal)d : value;
        Assert.Equal(expected, SalesforceValue.ToText(v));
    }

    [Fact]
    public void Datetimes_read_as_utc_iso_and_dates_without_time()
    {
        Assert.Equal("2026-09-30T21:20:00.000Z", SalesforceValue.ToText(new DateTimeOffset(2026, 9, 30, 23, 20, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2026-09-30", SalesforceValue.ToText(new DateTime(2026, 9, 30)));
    }
}
