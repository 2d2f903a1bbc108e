using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// The emulator on the wire, without our client: its strictness (so client bugs fail) and each switch.
/// </summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimEmulatorTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Tom = "a0000000-0000-4000-8000-000000000003";
    private const string Trainers = "c0000000-0000-4000-8000-000000000002";

    private HttpClient Http(string? token = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(Url + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Emulator.Token);
        return http;
    }

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static async Task<(int Status, JsonObject? Body, HttpResponseMessage Response)> Send(HttpClient http, HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Scim(json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject, response);
    }

    private static string PatchOp(string operations) => "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";

    [Fact]
    public async Task Without_a_token_it_is_401_with_a_SCIM_error_and_WWW_Authenticate()
    {
        var (status, body, response) = await Send(new HttpClient { BaseAddress = new Uri(Url + "/") }, HttpMethod.Get, "Users");

        Assert.Equal(401, status);
        Assert.Equal("401", (string?)body!["status"]);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)body["schemas"]![0]);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_invalid_filter_is_400_invalidFilter_with_status_as_a_string()
    {
        var (status, body, response) = await Send(Http(), HttpMethod.Get, "Users?filter=" + Uri.EscapeDataString("userName eq"));

        Assert.Equal(400, status);
        Assert.Equal("400", (string?)body!["status"]);
        Assert.Equal("invalidFilter", (string?)body["scimType"]);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Count_0_returns_only_totalResults_and_startIndex_below_1_is_1()
    {
        var (_, zero, _) = await Send(Http(), HttpMethod.Get, "Users?count=0");
        var (_, page, _) = await Send(Http(), HttpMethod.Get, "Users?startIndex=-3&count=2&sortBy=userName&sortOrder=descending");

        Assert.Equal(4, (int)zero!["totalResults"]!);
        Assert.Equal(0, (int)zero["itemsPerPage"]!);
        Assert.Null(zero["Resources"]);
        Assert.Equal(1, (int)page!["startIndex"]!);
        Assert.Equal(new[] { "yuki.tanaka@lms.example", "tom.becker@lms.example" }, page["Resources"]!.AsArray().Select(r => (string?)r!["userName"]));
    }

    [Fact]
    public async Task Users_can_be_filtered_by_the_groups_they_are_in()
    {
        var (_, page, _) = await Send(Http(), HttpMethod.Get, "Users?filter=" + Uri.EscapeDataString("groups.display eq \"trainers\""));

        Assert.Equal(new[] { "maria.garcia@lms.example", "yuki.tanaka@lms.example" }, page!["Resources"]!.AsArray().Select(r => (string?)r!["userName"]));
    }

    [Fact]
    public async Task Lookups_and_uniqueness_follow_renames_and_deletes()
    {
        const string user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"NAME\"}";
        static string Filter(string filter) => "Users?filter=" + Uri.EscapeDataString(filter);
        var http = Http();
        var (_, created, _) = await Send(http, HttpMethod.Post, "Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"before@acme.example\",\"emails\":[{\"value\":\"Mail@Acme.example\"}]}");
        var id = (string)created!["id"]!;

        await Send(http, HttpMethod.Patch, "Users/" + id, PatchOp("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"after@acme.example\"}"));
        var (_, byOldName, _) = await Send(http, HttpMethod.Get, Filter("userName eq \"before@acme.example\""));
        var (_, byChain, _) = await Send(http, HttpMethod.Get, Filter($"userName eq \"AFTER@acme.example\" or emails.value eq \"mail@acme.example\" or id eq \"{Tom}\""));
        var (taken, _, _) = await Send(http, HttpMethod.Post, "Users", user.Replace("NAME", "After@acme.example"));
        var (freed, _, _) = await Send(http, HttpMethod.Post, "Users", user.Replace("NAME", "before@acme.example"));
        await Send(http, HttpMethod.Delete, "Users/" + id);
        var (afterDelete, _, _) = await Send(http, HttpMethod.Post, "Users", user.Replace("NAME", "after@acme.example"));
        var (_, byDeletedMail, _) = await Send(http, HttpMethod.Get, Filter("emails.value eq \"mail@acme.example\""));

        Assert.Equal(0, (int)byOldName!["totalResults"]!);
        Assert.Equal(new[] { Tom, id }, byChain!["Resources"]!.AsArray().Select(r => (string?)r!["id"]));
        Assert.Equal(409, taken);
        Assert.Equal(201, freed);
        Assert.Equal(201, afterDelete);
        Assert.Equal(0, (int)byDeletedMail!["totalResults"]!);
    }

    [Fact]
    public async Task An_extension_block_not_named_in_schemas_is_refused()
    {
        var (status, body, _) = await Send(Http(), HttpMethod.Post, "Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x@acme.example\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"A\"}}");

        Assert.Equal(400, status);
        Assert.Equal("invalidSyntax", (string?)body!["scimType"]);
    }

    [Fact]
    public async Task Active_must_be_a_boolean_on_the_way_in()
    {
        var (status, body, _) = await Send(Http(), HttpMethod.Patch, "Users/" + Tom, PatchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}"));

        Assert.Equal(400, status);
        Assert.Equal("invalidValue", (string?)body!["scimType"]);
    }

    [Fact]
    public async Task Create_answers_201_with_Location_and_ETag()
    {
        var (status, body, response) = await Send(Http(), HttpMethod.Post, "Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"new@acme.example\"}");

        Assert.Equal(201, status);
        Assert.Equal(Url + "/Users/" + (string?)body!["id"], response.Headers.Location!.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal("W/\"1\"", (string?)body["meta"]!["version"]);
        Assert.True((bool)body["active"]!);
    }

    [Fact]
    public async Task PascalCase_ops_are_refused_unless_switched_on()
    {
        var replace = PatchOp("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"X\"}");

        var (strict, body, _) = await Send(Http(), HttpMethod.Patch, "Users/" + Tom, replace);
        Switch(b => b.AcceptPascalCaseOps = true);
        var (tolerant, _, _) = await Send(Http(), HttpMethod.Patch, "Users/" + Tom, replace);

        Assert.Equal(400, strict);
        Assert.Equal("invalidSyntax", (string?)body!["scimType"]);
        Assert.Equal(200, tolerant);
    }

    [Fact]
    public async Task Patch_paths_with_value_filters_extension_urns_and_no_path()
    {
        var ops = string.Join(",",
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"tb@acme.example\"}",
            "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\",\"value\":\"Ops\"}",
            "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\",\"value\":{\"value\":\"a0000000-0000-4000-8000-000000000001\"}}",
            "{\"op\":\"add\",\"path\":\"phoneNumbers[type eq \\\"work\\\"].value\",\"value\":\"+1 555 0100\"}",
            "{\"op\":\"replace\",\"value\":{\"active\":false,\"name\":{\"givenName\":\"Thomas\"}}}",
            "{\"op\":\"remove\",\"path\":\"title\"}");

        var (status, body, _) = await Send(Http(), HttpMethod.Patch, "Users/" + Tom, PatchOp(ops));

        Assert.Equal(200, status);
        Assert.Equal("tb@acme.example", (string?)body!["emails"]![0]!["value"]);
        Assert.Equal("Ops", (string?)body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["department"]);
        Assert.Equal("a0000000-0000-4000-8000-000000000001", (string?)body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["value"]);
        Assert.Equal("work", (string?)body["phoneNumbers"]![0]!["type"]);
        Assert.False((bool)body["active"]!);
        Assert.Equal("Thomas", (string?)body["name"]!["givenName"]);
        Assert.Equal("Becker", (string?)body["name"]!["familyName"]);
        Assert.Null(body["title"]);
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", body["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Theory]
    [InlineData("{\"op\":\"remove\",\"path\":\"members[value eq \\\"nobody\\\"]\"}", 400, "noTarget")]
    [InlineData("{\"op\":\"remove\"}", 400, "noTarget")]
    [InlineData("{\"op\":\"replace\",\"path\":\"members[value eq \\\"\",\"value\":1}", 400, "invalidPath")]
    [InlineData("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}", 400, "mutability")]
    [InlineData("{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":\"x\"}", 400, "invalidPath")]
    [InlineData("{\"op\":\"move\",\"path\":\"displayName\",\"value\":\"x\"}", 400, "invalidSyntax")]
    [InlineData("{\"op\":\"remove\",\"path\":\"displayName\"}", 400, "invalidValue")]
    public async Task Patch_errors_are_the_RFCs(string operation, int expectedStatus, string scimType)
    {
        var (status, body, _) = await Send(Http(), HttpMethod.Patch, "Groups/" + Trainers, PatchOp(operation));

        Assert.Equal(expectedStatus, status);
        Assert.Equal(scimType, (string?)body!["scimType"]);
    }

    [Fact]
    public async Task Members_are_removed_by_value_filter_and_added_as_a_set()
    {
        var http = Http();
        await Send(http, HttpMethod.Patch, "Groups/" + Trainers, PatchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + Tom + "\"},{\"value\":\"" + Tom + "\"}]}"));
        var (_, body, _) = await Send(http, HttpMethod.Patch, "Groups/" + Trainers, PatchOp("{\"op\":\"remove\",\"path\":\"members[value eq \\\"a0000000-0000-4000-8000-000000000002\\\"]\"}"));

        Assert.Equal(new[] { "a0000000-0000-4000-8000-000000000004", Tom }, body!["members"]!.AsArray().Select(m => (string?)m!["value"]));
        Assert.Equal("Tom Becker", (string?)body["members"]![1]!["display"]);
    }

    [Fact]
    public async Task If_Match_must_match_and_If_None_Match_gives_304()
    {
        var http = Http();
        var (stale, error, _) = await Send(http, HttpMethod.Patch, "Users/" + Tom, PatchOp("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}"), ifMatch: "W/\"9\"");
        var (fresh, _, _) = await Send(http, HttpMethod.Patch, "Users/" + Tom, PatchOp("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}"), ifMatch: "W/\"1\"");
        var request = new HttpRequestMessage(HttpMethod.Get, "Users/" + Tom);
        request.Headers.TryAddWithoutValidation("If-None-Match", "W/\"2\"");
        var notModified = await http.SendAsync(request);

        Assert.Equal(412, stale);
        Assert.Equal("412", (string?)error!["status"]);
        Assert.Equal(200, fresh);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Bulk_runs_operations_in_order_resolves_bulkIds_and_reports_each_status()
    {
        var bulk = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","bulkId":"u1","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk.one@acme.example"}},
              {"method":"POST","bulkId":"g1","path":"/Groups","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk group","members":[{"value":"bulkId:u1"}]}},
              {"method":"POST","bulkId":"dup","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"tom.becker@lms.example"}},
              {"method":"PATCH","path":"/Users/a0000000-0000-4000-8000-000000000003","version":"W/\"7\"","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"x"}]}}
            ]}
            """;

        var (status, body, _) = await Send(Http(), HttpMethod.Post, "Bulk", bulk);

        Assert.Equal(200, status);
        var results = body!["Operations"]!.AsArray();
        Assert.Equal(new[] { "201", "201", "409", "412" }, results.Select(r => (string?)r!["status"]));
        Assert.Equal("uniqueness", (string?)results[2]!["response"]!["scimType"]);
        var group = Emulator.Snapshot().Groups.Single(g => (string?)g["displayName"] == "Bulk group");
        Assert.Equal(((string?)results[0]!["location"])!.Split('/').Last(), (string?)group["members"]![0]!["value"]);
    }

    [Fact]
    public async Task Bulk_beyond_maxOperations_is_413_and_switched_off_is_501()
    {
        Switch(b => b.BulkMaxOperations = 1);
        var two = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"DELETE","path":"/Users/x"},{"method":"DELETE","path":"/Users/y"}]}""";

        var (tooMany, _, _) = await Send(Http(), HttpMethod.Post, "Bulk", two);
        Switch(b => b.BulkSupported = false);
        var (off, _, _) = await Send(Http(), HttpMethod.Post, "Bulk", two);

        Assert.Equal(413, tooMany);
        Assert.Equal(501, off);
    }

    [Fact]
    public async Task Switches_can_be_read_and_changed_over_the_admin_api()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };

        var changed = await http.PostAsync("/__admin/scim/behaviour", new StringContent("{\"activeAsString\":true,\"welcomeEmail\":\"onCreate\"}", Encoding.UTF8, "application/json"));
        var state = JsonNode.Parse(await http.GetStringAsync("/__admin/scim/state"))!;
        await Send(Http(), HttpMethod.Post, "Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"mailed@acme.example\"}");
        var emails = JsonNode.Parse(await http.GetStringAsync("/__admin/scim/welcome-emails"))!.AsArray();

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(Emulator.Behaviour.ActiveAsString);
        Assert.Equal(ScimWelcomeEmailMode.OnCreate, Emulator.Behaviour.WelcomeEmail);
        Assert.Equal(4, state["users"]!.AsArray().Count);
        Assert.Equal("mailed@acme.example", (string?)emails.Single()!["userName"]);
    }

    [Fact]
    public async Task The_info_file_section_has_url_and_a_token_issued_per_start()
    {
        await using var host = await LmsSync.Sandbox.Hosting.SandboxHost.StartAsync(new LmsSync.Sandbox.Hosting.SandboxOptions { Users = 10 });
        var token = (string?)host.Info["scim"]!["token"];

        Assert.Equal(host.BaseUrl + "/scim/v2", (string?)host.Info["scim"]!["url"]);
        Assert.StartsWith("scim-", token);
        Assert.NotEqual(Emulator.Token, token);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/scim/v2/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("ServiceProviderConfig")).StatusCode);
    }

    private const string Maria = "a0000000-0000-4000-8000-000000000002";
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task A_list_page_is_written_byte_for_byte_in_the_documented_format()
    {
        using var http = Http();
        var response = await http.GetAsync("Users?startIndex=2&count=1");
        var text = await response.Content.ReadAsStringAsync();
        var created = (string)JsonNode.Parse(text)!["Resources"]![0]!["meta"]!["created"]!;

        // What the emulator wrote before its pages were written straight to UTF-8 and sliced from the kept order.
        Assert.Equal(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":4,\"itemsPerPage\":1,\"startIndex\":2,\"Resources\":[" +
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + Enterprise + "\"],\"id\":\"" + Maria + "\"," +
            "\"userName\":\"maria.garcia@lms.example\",\"name\":{\"givenName\":\"Maria\",\"familyName\":\"Garcia\"},\"displayName\":\"Maria Garcia\"," +
            "\"emails\":[{\"value\":\"maria.garcia@lms.example\",\"type\":\"work\",\"primary\":true}],\"active\":true,\"title\":\"Trainer\"," +
            "\"" + Enterprise + "\":{\"department\":\"Learning & Development\"}," +
            "\"groups\":[{\"value\":\"" + Trainers + "\",\"$ref\":\"{base}/scim/v2/Groups/" + Trainers + "\",\"display\":\"Trainers\",\"type\":\"direct\"}]," +
            "\"meta\":{\"resourceType\":\"User\",\"created\":\"{created}\",\"lastModified\":\"{created}\",\"location\":\"{base}/scim/v2/Users/" + Maria + "\",\"version\":\"W/\\\"1\\\"\"}}]}",
            text.Replace(Host.BaseUrl, "{base}").Replace(created, "{created}"));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Attributes_and_excludedAttributes_select_sub_attributes_and_extension_attributes_by_RFC_7644_notation()
    {
        var attributes = Uri.EscapeDataString("userName,meta.version,emails.value," + Enterprise + ":department,nickName");
        var (_, listed, _) = await Send(Http(), HttpMethod.Get, "Users?startIndex=2&count=1&attributes=" + attributes);
        var (_, got, _) = await Send(Http(), HttpMethod.Get, "Users/" + Maria + "?excludedAttributes=" + Uri.EscapeDataString("name.givenName,meta,groups," + Enterprise));

        var maria = listed!["Resources"]![0]!.AsObject();
        Assert.Equal(new[] { "schemas", "id", "userName", "emails", Enterprise, "meta" }, maria.Select(p => p.Key));
        Assert.Equal(("version", "W/\"1\""), maria["meta"]!.AsObject().Select(p => (p.Key, (string)p.Value!)).Single());
        Assert.Equal("[{\"value\":\"maria.garcia@lms.example\"}]", maria["emails"]!.ToJsonString());
        Assert.Equal("{\"department\":\"Learning & Development\"}", maria[Enterprise]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(new[] { "schemas", "id", "userName", "name", "displayName", "emails", "active", "title" }, got!.Select(p => p.Key));
        Assert.Equal("{\"familyName\":\"Garcia\"}", got!["name"]!.ToJsonString());

        // A name covers its sub-attributes in either order; an unknown extension URN selects nothing.
        var (_, whole, _) = await Send(Http(), HttpMethod.Get, "Users/" + Maria + "?attributes=" + Uri.EscapeDataString("name.givenName,name,urn:example:unknown:2.0:User:x"));
        Assert.Equal(new[] { "schemas", "id", "name" }, whole!.Select(p => p.Key));
        Assert.Equal("{\"givenName\":\"Maria\",\"familyName\":\"Garcia\"}", whole!["name"]!.ToJsonString());
    }

    [Theory]
    [InlineData("attributes", "userName,meta.version,emails.value,groups,ENTERPRISE:department")]
    [InlineData("attributes", "id,externalId,active,name.familyName")]
    [InlineData("excludedAttributes", "meta,groups,name.givenName,ENTERPRISE")]
    [InlineData("excludedAttributes", "emails,title")]
    public async Task A_projected_list_holds_each_resource_as_a_projected_GET_of_it_does(string parameter, string names)
    {
        // The list renders only what the projection can return; a single GET renders everything, then projects.
        var query = parameter + "=" + Uri.EscapeDataString(names.Replace("ENTERPRISE", Enterprise));
        using var http = Http();
        var listed = JsonNode.Parse(await http.GetStringAsync("Users?" + query))!["Resources"]!.AsArray();

        Assert.Equal(4, listed.Count);
        foreach (var resource in listed)
        {
            var single = await http.GetStringAsync("Users/" + (string)resource!["id"]! + "?" + query);
            Assert.Equal(single, resource.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
    }
}
