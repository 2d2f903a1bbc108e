using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Core.Tests.Sandbox;

/// <summary>How results are written: REST JSON records (checked by parsing them) and Bulk-style flat values.</summary>
public class SoqlResultTests
{
    private readonly SandboxTestOrg _t = new();

    private static JsonElement Record(SoqlResult result, int index, string apiVersion = "66.0")
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            result.WriteRecord(writer, index, apiVersion);
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Records_carry_attributes_canonical_names_and_nested_parents()
    {
        var result = _t.Org.Query($"select ID, firstname, ISACTIVE, manager.EMAIL, Manager.Manager.Email, termination_date__c, createddate, profile.name from USER where id = '{_t.Middle}'");

        Assert.Equal("User", result.ObjectName);
        Assert.Equal(["Id", "FirstName", "IsActive", "Manager.Email", "Manager.Manager.Email", "Termination_Date__c", "CreatedDate", "Profile.Name"], result.Columns);
        var record = Record(result, 0);

        Assert.Equal(
            ["attributes", "Id", "FirstName", "IsActive", "Manager", "Termination_Date__c", "CreatedDate", "Profile"],
            record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("User", record.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"/services/data/v66.0/sobjects/User/{_t.Middle}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal(_t.Middle, record.GetProperty("Id").GetString());
        Assert.Equal(JsonValueKind.True, record.GetProperty("IsActive").ValueKind);
        Assert.Equal("2026-09-30", record.GetProperty("Termination_Date__c").GetString());
        Assert.Equal("2026-09-28T12:00:00.000+0000", record.GetProperty("CreatedDate").GetString());

        var manager = record.GetProperty("Manager");
        Assert.Equal(["attributes", "Email", "Manager"], manager.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"/services/data/v66.0/sobjects/User/{_t.Boss}", manager.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("bea.boss@acme.example.com", manager.GetProperty("Email").GetString());
        Assert.Equal(JsonValueKind.Null, manager.GetProperty("Manager").ValueKind); // Boss has no manager: null, not an object
        Assert.Equal("Profile", record.GetProperty("Profile").GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal("Standard User", record.GetProperty("Profile").GetProperty("Name").GetString());
    }

    [Fact]
    public void Selected_null_fields_and_null_parents_are_written_as_null()
    {
        var result = _t.Org.Query($"SELECT FirstName, Department, Manager.Email, Manager.Manager.Email FROM User WHERE Id = '{_t.Muller}'");
        var record = Record(result, 0, "v62.0");

        Assert.StartsWith("/services/data/v62.0/sobjects/User/", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("Zoë", record.GetProperty("FirstName").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("Department").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("Manager").ValueKind);
    }

    [Fact]
    public void Three_level_paths_nest_three_deep()
    {
        var record = Record(_t.Org.Query($"SELECT Manager.Manager.Manager.LastName FROM User WHERE Id = '{_t.Solo}'"), 0);

        Assert.Equal("Boss", record.GetProperty("Manager").GetProperty("Manager").GetProperty("Manager").GetProperty("LastName").GetString());
    }

    [Fact]
    public void Numbers_are_json_numbers_and_group_relationships_nest()
    {
        var account = Record(_t.Org.Query("SELECT Name, NumberOfEmployees, AnnualRevenue FROM Account"), 0);
        Assert.Equal(12000, account.GetProperty("NumberOfEmployees").GetInt32());
        Assert.Equal(98500000.5m, account.GetProperty("AnnualRevenue").GetDecimal());

        var member = Record(_t.Org.Query("SELECT GroupId, Group.DeveloperName, Group.Name, UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular'"), 0);
        Assert.Equal("All_Sales", member.GetProperty("Group").GetProperty("DeveloperName").GetString());
        Assert.Equal(_t.Boss, member.GetProperty("UserOrGroupId").GetString());
    }

    [Fact]
    public void Flat_values_use_bulk_csv_formats()
    {
        var result = _t.Org.Query($"SELECT Id, CreatedDate, Termination_Date__c, IsActive, Department, Manager.Email FROM User WHERE Id = '{_t.Middle}'");

        Assert.Equal("2026-09-28T12:00:00.000Z", result.GetFlatValue(0, "CreatedDate"));
        Assert.Equal("2026-09-30", result.GetFlatValue(0, "termination_date__c"));
        Assert.Equal("true", result.GetFlatValue(0, "IsActive"));
        Assert.Equal("bea.boss@acme.example.com", result.GetFlatValue(0, "Manager.Email"));
        Assert.Equal(_t.Middle, result.GetFlatValue(0, "Id"));
        Assert.Throws<ArgumentException>(() => result.GetFlatValue(0, "Email"));

        var muller = _t.Org.Query($"SELECT Department, IsActive, Manager.Email FROM User WHERE Id = '{_t.Muller}'");
        Assert.Null(muller.GetFlatValue(0, "Department"));
        Assert.Null(muller.GetFlatValue(0, "Manager.Email"));
        Assert.Equal("false", muller.GetFlatValue(0, "IsActive"));
    }

    [Fact]
    public void A_result_keeps_its_snapshot_when_rows_change_afterwards()
    {
        var result = _t.Org.Query("SELECT LastName, Manager.Email FROM User WHERE Department = 'Sales' ORDER BY LastName");

        _t.Org.Update(_t.Boss, new Dictionary<string, object?> { ["Email"] = "changed@acme.example.com", ["Department"] = "HR" });
        _t.Org.Update(_t.Middle, new Dictionary<string, object?> { ["LastName"] = "Renamed" });

        Assert.Equal(2, result.RowCount);
        Assert.Equal("Middle", result.GetFlatValue(1, "LastName"));
        Assert.Equal("bea.boss@acme.example.com", Record(result, 1).GetProperty("Manager").GetProperty("Email").GetString());
        // A new query sees the new values.
        Assert.Equal("Renamed", _t.LastNames("SELECT LastName FROM User WHERE Department = 'Sales'"));
        Assert.Equal("changed@acme.example.com", _t.Org.Query($"SELECT Manager.Email FROM User WHERE Id = '{_t.Middle}'").GetFlatValue(0, "Manager.Email"));
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_see_consistent_snapshots()
    {
        var before = _t.Org.Count("Contact");
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                _t.Org.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = $"W{w}-{i}" });
            }
        }));
        var reader = Task.Run(() =>
        {
            var last = 0;
            for (var i = 0; i < 200; i++)
            {
                var count = _t.Org.Query("SELECT COUNT() FROM Contact").TotalSize;
                Assert.True(count >= last, "counts never go backwards");
                last = count;
            }
        });

        await Task.WhenAll([.. writers, reader]);

        Assert.Equal(before + 400, _t.Org.Count("Contact"));
        Assert.Equal(before + 400, _t.Org.Query("SELECT Id FROM Contact").RowCount);
        Assert.Equal(before + 400, _t.Org.Rows("Contact").Select(r => r.Id).Distinct().Count());
    }
}
