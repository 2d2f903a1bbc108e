using System;
using System.Collections.Generic;
using System.IO;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Query;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Salesforce;

public class QueryPageReaderTests
{
    private const string Page = """
        {"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v66.0/query/01gXX0000016PIAYA2-2000","records":[
          {"attributes":{"type":"User","url":"/services/data/v66.0/sobjects/User/005A"},
           "Id":"005A","Email":"ann@acme.com","IsActive":true,"Department":null,"Hours__c":37.5,"Level__c":3,
           "SystemModstamp":"2026-09-30T21:20:00.000+0000","Hire_Date__c":"2024-02-29",
           "Manager":{"attributes":{"type":"User","url":"/x"},"Email":"boss@acme.com",
                      "Manager":{"attributes":{"type":"User","url":"/y"},"Email":"ceo@acme.com"}},
           "Profile":{"attributes":{"type":"Profile","url":"/z"},"Name":"Standard User"}},
          {"attributes":{"type":"User","url":"/services/data/v66.0/sobjects/User/005B"},
           "Id":"005B","Email":"bob@acme.com","IsActive":false,"Department":"Sales","Hours__c":null,"Level__c":null,
           "SystemModstamp":"2026-01-02T03:04:05.006+0000","Hire_Date__c":null,
           "Manager":null,"Profile":{"attributes":{"type":"Profile","url":"/z"},"Name":"Sales"}}
        ]}
        """;

    private static readonly string[] Selected = { "Id", "Email", "IsActive", "Department", "Hours__c", "Level__c", "SystemModstamp", "Hire_Date__c", "Manager.Email", "Manager.Manager.Email", "Profile.Name" };

    private static QueryPage Read(string json, IReadOnlyDictionary<string, string>? types = null)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return QueryPageReader.Read(reader, new RecordShape("User", Selected, types));
    }

    [Fact]
    public void Paging_fields_are_read()
    {
        var page = Read(Page);

        Assert.Equal(3, page.TotalSize);
        Assert.False(page.Done);
        Assert.Equal("/services/data/v66.0/query/01gXX0000016PIAYA2-2000", page.NextRecordsUrl);
        Assert.Equal(2, page.Records.Count);
    }

    [Fact]
    public void Relationship_fields_flatten_to_dotted_paths_two_levels_deep_and_attributes_are_dropped()
    {
        var ann = Read(Page).Records[0];

        Assert.Equal("User", ann.ObjectType);
        Assert.Equal("boss@acme.com", ann["Manager.Email"]);
        Assert.Equal("ceo@acme.com", ann["manager.manager.email"]);
        Assert.Equal("Standard User", ann["Profile.Name"]);
        Assert.DoesNotContain(ann.Fields.Keys, k => k.Contains("attributes", StringComparison.OrdinalIgnoreCase));
        Assert.False(ann.Has("Manager"));
    }

    [Fact]
    public void A_null_parent_reads_its_selected_child_paths_as_null()
    {
        var bob = Read(Page).Records[1];

        Assert.True(bob.Has("Manager.Email"));
        Assert.True(bob.Has("Manager.Manager.Email"));
        Assert.Null(bob["Manager.Email"]);
        Assert.Null(bob["Manager.Manager.Email"]);
        Assert.False(bob.Has("Manager"));
    }

    [Fact]
    public void Values_keep_their_types_numbers_as_decimal_booleans_and_nulls()
    {
        var ann = Read(Page).Records[0];

        Assert.Equal(true, ann["IsActive"]);
        Assert.Equal(37.5m, ann["Hours__c"]);
        Assert.Equal(3m, ann["Level__c"]);
        Assert.True(ann.Has("Department"));
        Assert.Null(ann["Department"]);
    }

    [Fact]
    public void Without_describe_only_the_exact_datetime_form_converts_and_dates_stay_text()
    {
        var ann = Read(Page).Records[0];

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 20, 0, TimeSpan.Zero), ann["SystemModstamp"]);
        Assert.Equal("2024-02-29", ann["Hire_Date__c"]);
    }

    [Fact]
    public void With_describe_types_dates_convert_to_calendar_days()
    {
        var types = new Dictionary<string, string> { ["SystemModstamp"] = "datetime", ["Hire_Date__c"] = "date", ["Email"] = "email" };

        var ann = Read(Page, types).Records[0];

        Assert.Equal(new DateTime(2024, 2, 29), ann["Hire_Date__c"]);
        Assert.IsType<DateTimeOffset>(ann["SystemModstamp"]);
        Assert.Equal("2026-09-30T21:20:00.000Z", ann.GetString("SystemModstamp"));
    }

    [Fact]
    public void A_text_field_that_looks_like_a_datetime_stays_text_when_describe_says_text()
    {
        var types = new Dictionary<string, string> { ["Email"] = "string" };
        var json = Page.Replace("\"ann@acme.com\"", "\"2026-09-30T21:20:00.000+0000\"");

        var ann = Read(json, types).Records[0];

        Assert.Equal("2026-09-30T21:20:00.000+0000", ann["Email"]);
    }

    [Fact]
    public void A_datetime_field_with_a_bad_value_is_an_error_not_a_silent_string()
    {
        var types = new Dictionary<string, string> { ["SystemModstamp"] = "datetime" };
        var json = Page.Replace("2026-01-02T03:04:05.006+0000", "yesterday");

        var error = Assert.Throws<InvalidDataException>(() => Read(json, types));

        Assert.Contains("SystemModstamp", error.Message);
    }

    [Fact]
    public void A_truncated_page_is_an_error()
    {
        Assert.ThrowsAny<Exception>(() => Read(Page.Substring(0, Page.Length / 2)));
    }

    [Fact]
    public void An_empty_result_reads_as_no_records_and_done()
    {
        var page = Read("""{"totalSize":0,"done":true,"records":[]}""");

        Assert.True(page.Done);
        Assert.Null(page.NextRecordsUrl);
        Assert.Empty(page.Records);
    }
}
