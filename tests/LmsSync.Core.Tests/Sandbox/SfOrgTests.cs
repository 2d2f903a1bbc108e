using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Core.Tests.Sandbox;

public class SfOrgTests
{
    private readonly SandboxTestOrg _t = new();

    [Fact]
    public void Insert_assigns_an_18_character_id_with_the_key_prefix_and_stamps_the_audit_fields()
    {
        var row = _t.Org.Get(_t.Boss)!;

        Assert.Equal(18, row.Id.Length);
        Assert.StartsWith("005", row.Id);
        Assert.Equal(SandboxTestOrg.Now, row["CreatedDate"]);
        Assert.Equal(SandboxTestOrg.Now, row["LastModifiedDate"]);
        Assert.Equal(SandboxTestOrg.Now, row["SystemModstamp"]);
        Assert.Equal("User", row.ObjectName);
    }

    [Fact]
    public void Defaults_and_calculated_fields_are_filled_in()
    {
        var boss = _t.Org.Get(_t.Boss)!;
        var solo = _t.Org.Get(_t.Solo)!;

        Assert.Equal(true, boss["IsActive"]);
        Assert.Equal("Standard", boss["UserType"]);
        Assert.Equal("Bea Boss", boss["name"]);
        Assert.Equal("Solo", solo["Name"]); // no first name: just the last
        Assert.Null(solo["FirstName"]);
    }

    [Fact]
    public void Get_accepts_15_character_and_lower_cased_18_character_ids()
    {
        Assert.Equal(_t.Boss, _t.Org.Get(_t.Boss[..15])!.Id);
        Assert.Equal(_t.Boss, _t.Org.Get(_t.Boss.ToLowerInvariant())!.Id);
        Assert.Null(_t.Org.Get("005D00000000zzzAAA"));
        Assert.Null(_t.Org.Get("not an id"));
    }

    [Fact]
    public void Update_replaces_the_row_and_bumps_the_modstamps_but_not_CreatedDate()
    {
        var before = _t.Org.Get(_t.Smith)!;
        _t.Clock.Now = SandboxTestOrg.Now.AddHours(1).AddTicks(9_999); // sub-millisecond ticks are dropped

        var after = _t.Org.Update(_t.Smith, new Dictionary<string, object?> { ["department"] = "Finance", ["Title"] = "" });

        Assert.Equal("Engineering", before["Department"]); // the old row is untouched
        Assert.Equal("Finance", after["Department"]);
        Assert.Null(after["Title"]); // Salesforce stores an empty text field as null
        Assert.Equal(before["CreatedDate"], after["CreatedDate"]);
        Assert.Equal(SandboxTestOrg.Now.AddHours(1), after["LastModifiedDate"]);
        Assert.Equal(SandboxTestOrg.Now.AddHours(1), after["SystemModstamp"]);
        Assert.Same(after, _t.Org.Get(_t.Smith));
    }

    [Fact]
    public void Values_arriving_as_json_are_converted_to_the_field_types()
    {
        using var doc = JsonDocument.Parse("""{"IsActive":false,"Hire_Date__c":"2024-02-29","LastLoginDate":"2026-09-01T10:00:00.000+0000","Department":null}""");
        var values = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);

        var row = _t.Org.Update(_t.Boss, values);

        Assert.Equal(false, row["IsActive"]);
        Assert.Equal(new DateOnly(2024, 2, 29), row["Hire_Date__c"]);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero), row["LastLoginDate"]);
        Assert.Null(row["Department"]);
    }

    public static TheoryData<string, Dictionary<string, object?>, string> BadWrites => new()
    {
        { "User", new() { ["Foo__c"] = "x" }, "INVALID_FIELD" },
        { "User", new() { ["Name"] = "x" }, "INVALID_FIELD_FOR_INSERT_UPDATE" },
        { "User", new() { ["SystemModstamp"] = DateTimeOffset.UtcNow }, "INVALID_FIELD_FOR_INSERT_UPDATE" },
        { "User", new() { ["IsActive"] = "maybe" }, "INVALID_TYPE_ON_FIELD_IN_RECORD" },
        { "User", new() { ["Hire_Date__c"] = "30/09/2026" }, "INVALID_TYPE_ON_FIELD_IN_RECORD" },
        { "User", new() { ["Alias"] = "muchtoolong" }, "STRING_TOO_LONG" },
        { "User", new() { ["ManagerId"] = "nope" }, "MALFORMED_ID" },
        { "User", new() { ["LastName"] = null }, "REQUIRED_FIELD_MISSING" },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public void Update_refuses_what_Salesforce_refuses(string objectName, Dictionary<string, object?> values, string errorCode)
    {
        Assert.Equal("User", objectName);
        var e = Assert.Throws<SfOrgException>(() => _t.Org.Update(_t.Smith, values));
        Assert.Equal(errorCode, e.ErrorCode);
    }

    [Fact]
    public void Insert_messages_match_Salesforce()
    {
        var unknown = Assert.Throws<SfOrgException>(() => _t.Org.Insert("User", new Dictionary<string, object?> { ["Foo"] = 1 }));
        Assert.Equal("No such column 'Foo' on sobject of type User", unknown.Message);

        var missing = Assert.Throws<SfOrgException>(() => _t.Org.Insert("Contact", new Dictionary<string, object?> { ["FirstName"] = "X" }));
        Assert.Equal("REQUIRED_FIELD_MISSING", missing.ErrorCode);
        Assert.Equal("Required fields are missing: [LastName]", missing.Message);

        var type = Assert.Throws<SfOrgException>(() => _t.Org.Insert("Widget__c", new Dictionary<string, object?>()));
        Assert.Equal("INVALID_TYPE", type.ErrorCode);
    }

    [Fact]
    public void References_must_point_at_a_live_record_of_the_right_object()
    {
        var wrongObject = Assert.Throws<SfOrgException>(() => _t.Org.Update(_t.Smith, new Dictionary<string, object?> { ["ManagerId"] = _t.Acme }));
        Assert.Equal("FIELD_INTEGRITY_EXCEPTION", wrongObject.ErrorCode);

        var missing = Assert.Throws<SfOrgException>(() => _t.Org.Update(_t.Smith, new Dictionary<string, object?> { ["ManagerId"] = "005D00000000zzzAAA" }));
        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", missing.ErrorCode);
    }

    [Fact]
    public void Usernames_are_unique_ignoring_case()
    {
        var e = Assert.Throws<SfOrgException>(() => _t.Org.Update(_t.Smith, new Dictionary<string, object?> { ["Username"] = "BEA.BOSS@acme.example.com" }));
        Assert.Equal("DUPLICATE_USERNAME", e.ErrorCode);
    }

    [Fact]
    public void Users_cannot_be_deleted()
    {
        var e = Assert.Throws<SfOrgException>(() => _t.Org.Delete(_t.Smith));
        Assert.Equal("METHOD_NOT_ALLOWED", e.ErrorCode);
        Assert.False(_t.Org.Get(_t.Smith)!.IsDeleted);
    }

    [Fact]
    public void Delete_is_soft_and_counted_out_of_live_rows()
    {
        _t.Clock.Now = SandboxTestOrg.Now.AddMinutes(5);
        var live = _t.Org.Count("Contact");

        _t.Org.Delete(_t.Contact);

        var row = _t.Org.Get(_t.Contact)!;
        Assert.True(row.IsDeleted);
        Assert.Equal(true, row["IsDeleted"]);
        Assert.Equal(SandboxTestOrg.Now.AddMinutes(5), row.DeletedDate);
        Assert.Equal(SandboxTestOrg.Now.AddMinutes(5), row["SystemModstamp"]);
        Assert.Equal(live - 1, _t.Org.Count("Contact"));
        Assert.DoesNotContain(_t.Org.Rows("Contact"), r => r.Id == _t.Contact);
        Assert.Contains(_t.Org.Rows("Contact", includeDeleted: true), r => r.Id == _t.Contact);
        Assert.Equal("ENTITY_IS_DELETED", Assert.Throws<SfOrgException>(() => _t.Org.Delete(_t.Contact)).ErrorCode);
        Assert.Equal("ENTITY_IS_DELETED", Assert.Throws<SfOrgException>(() => _t.Org.Update(_t.Contact, new Dictionary<string, object?>())).ErrorCode);
    }

    [Fact]
    public void Deleting_a_group_deletes_its_memberships()
    {
        _t.Org.Delete(_t.SalesGroup);

        Assert.Equal(1, _t.Org.Count("GroupMember"));
        Assert.Equal(3, _t.Org.Rows("GroupMember", includeDeleted: true).Count());
    }

    [Fact]
    public void Unknown_and_malformed_ids_are_reported_as_such()
    {
        Assert.Equal("NOT_FOUND", Assert.Throws<SfOrgException>(() => _t.Org.Update("003D00000000zzzAAA", new Dictionary<string, object?>())).ErrorCode);
        Assert.Equal("MALFORMED_ID", Assert.Throws<SfOrgException>(() => _t.Org.Delete("xyz")).ErrorCode);
    }

    [Fact]
    public void Schema_describes_fields_with_their_salesforce_properties()
    {
        var user = SfSchema.Standard().Find("user")!;

        Assert.Equal(("User", "Users", "005", false), (user.Name, user.LabelPlural, user.KeyPrefix, user.Deletable));
        Assert.Same(user.FindField("ManagerId"), user.FindRelationship("manager"));
        var manager = user.FindField("managerid")!;
        Assert.Equal(("reference", "Manager", "Manager ID"), (manager.Type, manager.RelationshipName, manager.Label));
        Assert.Equal(["User"], manager.ReferenceTo);
        Assert.True(user.FindField("Termination_Date__c")!.Custom);
        Assert.Equal("date", user.FindField("Termination_Date__c")!.Type);
        Assert.Contains("Sales Academy", user.FindField("LMS_Groups__c")!.PicklistValues);
        Assert.Contains("AutomatedProcess", user.FindField("UserType")!.PicklistValues);
        Assert.False(user.FindField("AboutMe")!.Filterable);
        Assert.True(user.FindField("Name")!.Calculated);
        Assert.False(user.FindField("Name")!.Createable);
        Assert.Equal("SAML Federation ID", user.FindField("FederationIdentifier")!.Label);
        Assert.Null(SfSchema.Standard().Find("GroupMember")!.FindField("UserOrGroupId")!.RelationshipName);
        Assert.Equal(
            ["User", "Contact", "Account", "Group", "GroupMember", "Profile", "UserRole", "UserLogin"],
            SfSchema.Standard().Objects.Select(o => o.Name));
    }
}
