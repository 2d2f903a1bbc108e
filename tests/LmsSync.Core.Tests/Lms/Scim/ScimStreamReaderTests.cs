using System.Collections.Generic;
using System.IO;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Scim;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// A list page read token by token gives each user its identity, the fields asked for, and a kept resource from which
/// a PATCH diff and a preview come out the same as from the whole resource the service sent.
/// </summary>
public class ScimStreamReaderTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    internal const string Ann = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id":"u-1","externalId":"005000000000001AAA","userName":"ann@acme.example","active":false,
         "name":{"givenName":"Ann","familyName":"\u00d6degaard \"Q\" \\ tab\t"},
         "emails":[{"value":"ann@home.example","type":"home"},{"value":"ann@acme.example","type":"work","primary":true}],
         "phoneNumbers":[{"value":"+1 555 0100","primary":true}],
         "x-vendor":{"nested":{"deeper":[1,2.5,true,null,{"k":"v"}]}},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","employeeNumber":42,"manager":{"value":"u-9","displayName":"Boss"}},
         "groups":[{"value":"g-1","$ref":"https://lms.example/scim/v2/Groups/g-1","display":"Trainers"}],
         "meta":{"resourceType":"User","created":"2026-01-02T03:04:05.120Z","lastModified":"2026-02-03T04:05:06Z","version":"W/\"7\"","location":"https://lms.example/scim/v2/Users/u-1"}}
        """;

    private static readonly ScimFieldSet Catalog = new(LmsFieldCatalog.Scim.Fields.Select(f => f.Name));

    private static JObject Tree(string json) => (JObject)ScimJson.Parse(json);

    private static ScimListPage<ScimListedUser> Page(string body, ScimFieldSet? fields = null)
    {
        using var reader = ScimStreamReader.Open(new StringReader(body));
        return ScimStreamReader.ListPage(reader, r => ScimStreamReader.User(r, fields ?? Catalog))!;
    }

    private static string List(params string[] resources) =>
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + resources.Length +
        ",\"startIndex\":1,\"itemsPerPage\":" + resources.Length + ",\"Resources\":[" + string.Join(",", resources) + "]}";

    [Fact]
    public void A_listed_user_has_its_identity_and_every_catalog_field_as_read_from_the_whole_resource()
    {
        var whole = new ScimUser(Tree(Ann), null);

        var listed = Page(List(Ann)).Resources.Single();

        var user = listed.User;
        Assert.Equal(("u-1", "ann@acme.example", "005000000000001AAA", false), (user.Id, user.UserName, user.ExternalId, user.Active));
        Assert.Equal(("W/\"7\"", whole.Created, whole.LastModified), (user.Version, user.Created, user.LastModified));
        foreach (var field in LmsFieldCatalog.Scim.Fields)
            Assert.Equal(whole.Get(field.Name), listed.Fields[field.Name]);
        Assert.Equal("Öd" + "egaard \"Q\" \\ tab\t", listed.Fields["NAME.FAMILYNAME"]);
        Assert.Equal("42", listed.Fields["enterprise.employeeNumber"]);
        Assert.Equal("u-9", listed.Fields["enterprise.manager"]);
        Assert.Equal("+1 555 0100", listed.Fields["phoneNumber"]);
        Assert.Null(listed.Fields["title"]);
    }

    [Fact]
    public void With_fields_the_kept_resource_is_the_identity_the_typed_lists_whole_and_each_other_fields_value()
    {
        var user = Page(List(Ann)).Resources.Single().User;

        // Multi-valued attributes whole (a typed entry's PATCH path depends on its siblings); attributes no field names
        // (x-vendor, the manager's displayName) are not kept; the rest is the fields' values, written where their paths say.
        var expected = Tree("""
            {"id":"u-1","userName":"ann@acme.example","externalId":"005000000000001AAA","active":false,
             "emails":[{"value":"ann@home.example","type":"home"},{"value":"ann@acme.example","type":"work","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","primary":true}],
             "name":{"givenName":"Ann","familyName":"\u00d6degaard \"Q\" \\ tab\t"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","employeeNumber":"42","manager":{"value":"u-9"}}}
            """);
        Assert.True(JToken.DeepEquals(expected, user.Resource), user.Resource.ToString());
        user.Resource["title"] = "changed by a caller";
        Assert.Null(user.Title);
    }

    [Fact]
    public void Without_fields_the_kept_resource_is_the_one_sent_without_meta_groups_and_schemas_and_fresh_each_time()
    {
        var expected = Tree(Ann);
        expected.Remove("meta");
        expected.Remove("groups");
        expected.Remove("schemas");
        var user = Page(List(Ann), ScimFieldSet.None).Resources.Single().User;

        user.Resource["title"] = "changed by a caller";

        Assert.True(JToken.DeepEquals(expected, user.Resource), user.Resource.ToString());
        Assert.Equal("Sales", user.Department);
        Assert.Equal("Boss", (string?)user.Resource[Enterprise]!["manager"]!["displayName"]);
    }

    public static IEnumerable<object[]> Changes() => new[]
    {
        new object[] { "name.givenName", "Anne" },
        new object[] { "name.familyName", null! },
        new object[] { "email", "ann@new.example" },
        new object[] { "email", null! },
        new object[] { "phoneNumber", "+1 555 0199" },
        new object[] { "title", "Trainer" },
        new object[] { "title", null! },
        new object[] { "enterprise.department", "Support" },
        new object[] { "enterprise.department", "" },
        new object[] { "enterprise.manager", "u-10" },
        new object[] { "enterprise.costCenter", "CC-1" },
        new object[] { "externalId", "005000000000002AAA" },
        new object[] { "userName", "ann@acme.example" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_patch_diff_after_a_streamed_read_is_the_one_from_the_whole_resource(string field, string? value)
    {
        var changes = new ScimUserChanges().Set(field, value);
        var listed = Page(List(Ann)).Resources.Single().User;

        var fromStream = ScimPatchOperation.Message(changes.ToPatch(listed.Resource)).ToString(Formatting.None);
        var fromWhole = ScimPatchOperation.Message(changes.ToPatch(Tree(Ann))).ToString(Formatting.None);

        Assert.Equal(fromWhole, fromStream);
    }

    [Theory]
    [InlineData("""{"id":"u","USERNAME":"first","userName":"exact","UserName":"late","Title":"a","TITLE":"b","title":"exact","title":"last"}""")]
    [InlineData("""{"id":"u","NAME":{"givenName":"outer"},"name":{"familyName":"f","FamilyName":"g","GIVENNAME":null},"name":{"givenName":"second"}}""")]
    [InlineData("""{"id":"u","emails":[5,"x",{"value":"home@x","type":"home"},{"Value":"w@x","TYPE":"WORK"},{"value":"p@x","primary":"True"}]}""")]
    [InlineData("""{"id":"u","emails":[{"value":"a@x","primary":false},{"value":"b@x","primary":1}],"phoneNumbers":[{"value":12345}]}""")]
    [InlineData("""{"id":"u","emails":[{"value":"a@x"},{"value":"b@x"}],"phoneNumbers":[{"value":"1","type":{"odd":true}},{"value":"2","type":null,"primary":true}]}""")]
    [InlineData("""{"id":"u","emails":{"value":"not@a.list","type":"work"},"phoneNumbers":"555","title":{"not":"text"},"name":"scalar","displayName":3.25}""")]
    [InlineData("""{"id":"u","URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"department":"upper"},"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"Department":"D","employeeNumber":7,"manager":"scalar","costCenter":null}}""")]
    [InlineData("""{"id":"u","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"VALUE":"m-1","value":"m-2"},"division":true,"organization":{"x":1}},"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":null}""")]
    [InlineData("""{"id":"u","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"m-1"},"manager":{"displayName":"no value"}},"externalId":17,"active":0}""")]
    public void Odd_names_and_shapes_give_the_values_the_tree_reader_gives(string resource)
    {
        var whole = new ScimUser(Tree(resource), null);

        var listed = Page(List(resource)).Resources.Single();

        foreach (var field in LmsFieldCatalog.Scim.Fields)
            Assert.True(whole.Get(field.Name) == listed.Fields[field.Name], $"{field.Name}: tree '{whole.Get(field.Name)}', stream '{listed.Fields[field.Name]}'");
        Assert.Equal((whole.Id, whole.UserName, whole.ExternalId, whole.Active), (listed.User.Id, listed.User.UserName, listed.User.ExternalId, listed.User.Active));
        Assert.True(JToken.DeepEquals(Tree(resource), Page(List(resource), ScimFieldSet.None).Resources.Single().User.Resource));
        // The reduced base a field read keeps gives every change the PATCH the whole resource gives.
        foreach (var change in Changes().Concat(new[] { new object[] { "displayName", "D" }, new object[] { "displayName", null! }, new object[] { "enterprise.division", null! }, new object[] { "userName", null! } }))
        {
            var changes = new ScimUserChanges().Set((string)change[0], (string?)change[1]);
            Assert.Equal(ScimPatchOperation.Message(changes.ToPatch(Tree(resource))).ToString(Formatting.None),
                ScimPatchOperation.Message(changes.ToPatch(listed.User.Resource)).ToString(Formatting.None));
        }
    }

    [Fact]
    public void Members_in_any_order_unknown_members_comments_and_resources_that_are_not_objects_are_read_as_the_tree_reader_does()
    {
        var body = """
            /* a proxy's banner */ {"Resources":[7,"x",null,{"id":"u-2","userName":"b@acme.example","Active":"False","META":{"Version":"W/\"3\""},"extra":{"a":[{"b":{}}]}},[]],
             "unknown":{"deep":[[{"x":null}]]}, /* note */ "TOTALRESULTS":"12","startIndex":5}
            // trailing comment
            """;

        var page = Page(body, ScimFieldSet.None);

        Assert.Equal(12, page.TotalResults);
        var user = page.Resources.Single().User;
        Assert.Equal(("u-2", "b@acme.example", false, "W/\"3\""), (user.Id, user.UserName, user.Active, user.Version));
        Assert.True(JToken.DeepEquals(Tree("""{"id":"u-2","userName":"b@acme.example","Active":"False","extra":{"a":[{"b":{}}]}}"""), user.Resource));
    }

    [Fact]
    public void A_page_without_resources_is_empty_and_an_empty_body_is_no_page()
    {
        Assert.Empty(Page("""{"totalResults":0,"Resources":null}""").Resources);
        Assert.Empty(Page("""{"totalResults":3,"Resources":{"id":"u-1"}}""").Resources);
        Assert.Null(Page("{}").TotalResults);
        using var reader = ScimStreamReader.Open(new StringReader("  /* nothing */ "));
        Assert.Null(ScimStreamReader.ListPage(reader, r => ScimStreamReader.User(r, Catalog)));
    }

    [Theory]
    [InlineData("""{"totalResults":1,"Resources":[{"id":"u-1","userName":"a","name":{"givenName":"A""")]
    [InlineData("""{"totalResults":1,"Resources":[{"id":"u-1","userName":"a"}]""")]
    [InlineData("""{"totalResults":1,"Resources":[{"id":"u-1","userName":"a","x-vendor":{"k":[1,2""")]
    [InlineData("""{"totalResults":1,"Resources":[]}{"totalResults":1}""")]
    [InlineData("""{"totalResults":1,"Resources":[{"id":"u-1","userName":"a\u00""")]
    [InlineData("""["not","a","list"]""")]
    [InlineData("""<html>login</html>""")]
    public void A_cut_glued_or_foreign_body_is_a_json_error(string body)
    {
        Assert.ThrowsAny<JsonException>(() => Page(body));
    }

    [Fact]
    public void A_user_without_an_id_is_refused_as_before()
    {
        Assert.Throws<System.FormatException>(() => Page(List("""{"userName":"no.id@acme.example"}""")));
    }

    [Fact]
    public void Users_read_one_after_another_on_a_thread_each_keep_only_their_own_text()
    {
        var users = Page(List("""{"id":"u-1","userName":"a","x":{"y":[1,{"z":null}]}}""", """{"id":"u-2","userName":"b"}""", """{"id":"u-3","emails":[{"value":"c"}]}"""), ScimFieldSet.None)
            .Resources.Select(r => r.User.Resource.ToString(Formatting.None)).ToList();

        Assert.Equal(new[] { """{"id":"u-1","userName":"a","x":{"y":[1,{"z":null}]}}""", """{"id":"u-2","userName":"b"}""", """{"id":"u-3","emails":[{"value":"c"}]}""" }, users);
    }

    [Fact]
    public void After_a_failed_read_the_next_user_on_the_thread_keeps_only_its_own_text()
    {
        Assert.ThrowsAny<JsonException>(() => Page("""{"Resources":[{"id":"u-1","userName":"left.behind","x":[1,"""));

        var user = Page(List("""{"id":"u-3","userName":"c@acme.example"}"""), ScimFieldSet.None).Resources.Single().User;

        Assert.Equal("""{"id":"u-3","userName":"c@acme.example"}""", user.Resource.ToString(Formatting.None));
    }
}
