using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>Records made the readers' way: one schema per query, values in slots.</summary>
public class RecordBuilderTests
{
    private static SalesforceRecord Build(RecordBuilder builder, params (string Path, object? Value)[] fields)
    {
        builder.Start();
        foreach (var (path, value) in fields)
        {
            if (value is string text) builder.SetText(path, text);
            else if (value is bool flag) builder.SetBoolean(path, flag);
            else builder.Set(path, value);
        }
        return builder.Build("User");
    }

    [Fact]
    public void Fields_read_back_case_insensitively_typed_as_set_and_enumerate_in_the_order_read()
    {
        var stamp = new DateTimeOffset(2026, 9, 30, 21, 20, 0, TimeSpan.Zero);
        var record = Build(new RecordBuilder(new ValuePool()),
            ("Id", "005A"), ("IsActive", true), ("Hours__c", 37.5m), ("SystemModstamp", stamp), ("Hire_Date__c", new DateTime(2024, 2, 29)),
            ("Department", null), ("Manager.Email", "boss@acme.com"));

        Assert.Equal("005A", record.Id);
        Assert.Equal(true, record["isactive"]);
        Assert.Equal(37.5m, record["HOURS__C"]);
        Assert.Equal(stamp, record["SystemModstamp"]);
        Assert.Equal(new DateTime(2024, 2, 29), record["Hire_Date__c"]);
        Assert.Equal("boss@acme.com", record.GetString("manager.email"));
        Assert.Equal(new[] { "Id", "IsActive", "Hours__c", "SystemModstamp", "Hire_Date__c", "Department", "Manager.Email" }, record.Fields.Keys);
        Assert.Equal(new object?[] { "005A", true, 37.5m, stamp, new DateTime(2024, 2, 29), null, "boss@acme.com" }, record.Fields.Values);
        Assert.Equal(7, record.Fields.Count);
    }

    [Fact]
    public void A_null_field_is_present_and_a_field_not_read_is_missing()
    {
        var record = Build(new RecordBuilder(), ("Id", "005A"), ("Department", null));

        Assert.True(record.Has("department"));
        Assert.True(record.Fields.ContainsKey("Department"));
        Assert.True(record.Fields.TryGetValue("Department", out var value));
        Assert.Null(value);
        Assert.False(record.Has("Title"));
        Assert.Null(record["Title"]);
        Assert.False(record.Fields.TryGetValue("Title", out _));
        Assert.Throws<KeyNotFoundException>(() => record.Fields["Title"]);
    }

    [Fact]
    public void A_field_first_read_in_a_later_record_is_missing_from_the_earlier_ones()
    {
        var builder = new RecordBuilder();
        var first = Build(builder, ("Id", "005A"), ("Email", "ann@acme.com"));
        var second = Build(builder, ("Id", "005B"), ("Title", "Engineer"));

        Assert.Equal(new[] { "Id", "Email" }, first.Fields.Keys);
        Assert.False(first.Has("Title"));
        Assert.Null(first["Title"]);
        Assert.Equal(new[] { "Id", "Title" }, second.Fields.Keys);
        Assert.False(second.Has("Email"));
        Assert.Equal("Engineer", second["title"]);
    }

    [Fact]
    public void A_record_abandoned_half_way_leaves_nothing_in_the_next()
    {
        var builder = new RecordBuilder();
        builder.Start();
        builder.SetText("Id", "005A");
        builder.SetText("Broken__c", "cut off here");

        var next = Build(builder, ("Id", "005B"));

        Assert.Equal(new[] { "Id" }, next.Fields.Keys);
        Assert.False(next.Has("Broken__c"));
        Assert.Equal("005B", next.Id);
    }

    [Fact]
    public void A_field_set_twice_in_any_case_keeps_its_first_spelling_and_last_value()
    {
        var record = new SalesforceRecord("User", new[]
        {
            new KeyValuePair<string, object?>("Email", "old@acme.com"),
            new KeyValuePair<string, object?>("EMAIL", "new@acme.com"),
        });

        Assert.Equal("new@acme.com", record["email"]);
        Assert.Equal(new[] { "Email" }, record.Fields.Keys);
    }

    [Fact]
    public void Equal_text_and_booleans_of_a_read_are_held_once()
    {
        var builder = new RecordBuilder(new ValuePool());
        var ann = Build(builder, ("Profile.Name", "Standard " + "User"), ("IsActive", true));
        var bob = Build(builder, ("Profile.Name", string.Concat("Standard ", "User")), ("IsActive", true));

        Assert.Equal("Standard User", bob["Profile.Name"]);
        Assert.Same(ann["Profile.Name"], bob["Profile.Name"]);
        Assert.Same(ann["IsActive"], bob["IsActive"]);
    }
}
