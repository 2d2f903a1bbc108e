using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceDescribeTests
{
    [Fact]
    public async Task Describe_User_has_the_documented_shape_generated_from_the_schema()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();

        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/sobjects/user/describe", token);

        Assert.Equal(200, status);
        Assert.Equal("User", (string?)body["name"]);
        Assert.Equal("005", (string?)body["keyPrefix"]);
        Assert.Equal("Users", (string?)body["labelPlural"]);
        Assert.False((bool)body["deletable"]!);
        Assert.True((bool)body["queryable"]!);
        Assert.False((bool)body["custom"]!);
        Assert.Equal("/services/data/v66.0/sobjects/User/describe", (string?)body["urls"]!["describe"]);
        Assert.Equal("/services/data/v66.0/sobjects/User/{ID}", (string?)body["urls"]!["rowTemplate"]);

        var fields = body["fields"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var schema = sf.Emulator.Org.Schema.Find("User")!;
        Assert.Equal(schema.Fields.Select(f => f.Name), fields.Select(f => (string)f["name"]!));
        foreach (var property in new[] { "name", "label", "type", "nillable", "custom", "length", "referenceTo", "relationshipName", "picklistValues",
                     "filterable", "sortable", "groupable", "createable", "updateable", "calculated", "externalId", "unique", "soapType" })
        {
            Assert.All(fields, f => Assert.True(f.ContainsKey(property), $"{f["name"]} lacks {property}"));
        }

        var manager = fields.Single(f => (string)f["name"]! == "ManagerId");
        Assert.Equal("reference", (string?)manager["type"]);
        Assert.Equal("Manager", (string?)manager["relationshipName"]);
        Assert.Equal(new[] { "User" }, manager["referenceTo"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("tns:ID", (string?)manager["soapType"]);

        var username = fields.Single(f => (string)f["name"]! == "Username");
        Assert.Equal(80, (int)username["length"]!);
        Assert.False((bool)username["nillable"]!);
        Assert.Null(username["relationshipName"]);

        var termination = fields.Single(f => (string)f["name"]! == "Termination_Date__c");
        Assert.True((bool)termination["custom"]!);
        Assert.Equal("date", (string?)termination["type"]);
        Assert.Equal("xsd:date", (string?)termination["soapType"]);

        var userType = fields.Single(f => (string)f["name"]! == "UserType");
        var standard = userType["picklistValues"]!.AsArray().Single(v => (string)v!["value"]! == "Standard")!;
        Assert.Equal("Standard", (string?)standard["label"]);
        Assert.True((bool)standard["active"]!);
        Assert.False((bool)standard["defaultValue"]!);
        Assert.False((bool)userType["createable"]!);

        var name = fields.Single(f => (string)f["name"]! == "Name");
        Assert.True((bool)name["calculated"]!);
        var systemModstamp = fields.Single(f => (string)f["name"]! == "SystemModstamp");
        Assert.Equal("datetime", (string?)systemModstamp["type"]);
        Assert.False((bool)systemModstamp["groupable"]!);
    }

    [Fact]
    public async Task Global_describe_lists_every_object_of_the_schema()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();

        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/sobjects", token);

        Assert.Equal(200, status);
        Assert.Equal("UTF-8", (string?)body["encoding"]);
        Assert.Equal(200, (int)body["maxBatchSize"]!);
        var objects = body["sobjects"]!.AsArray();
        Assert.Equal(sf.Emulator.Org.Schema.Objects.Select(o => o.Name), objects.Select(o => (string)o!["name"]!));
        var group = objects.Single(o => (string)o!["name"]! == "GroupMember")!;
        Assert.Equal("/services/data/v66.0/sobjects/GroupMember/describe", (string?)group["urls"]!["describe"]);
        Assert.False(group.AsObject().ContainsKey("fields"));
    }

    [Fact]
    public async Task Describing_an_unknown_object_is_404_NOT_FOUND()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/sobjects/Opportunity__x/describe", token);
        Assert.Equal(404, status);
        Assert.Equal("The requested resource does not exist", SfSandbox.AssertError(body, "NOT_FOUND"));
    }

    [Fact]
    public async Task The_urls_follow_the_version_asked_for()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var (_, body, _) = await sf.GetJsonAsync("/services/data/v59.0/sobjects/Contact/describe", token);
        Assert.Equal("/services/data/v59.0/sobjects/Contact", (string?)body["urls"]!["sobject"]);
    }
}
