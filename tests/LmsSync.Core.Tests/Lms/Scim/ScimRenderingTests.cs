using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// The emulator keeps each user's list rendering (UTF-8 JSON) and reuses it while nothing it is made of changed. After
/// a write of every kind, a list page served partly from kept renderings must be byte for byte the page rendered
/// afresh (switches set again to an equal copy: a new instance, so nothing kept is used), and the same bytes as the
/// whole answer serialized as one JSON tree, as the emulator wrote it before it kept anything.
/// </summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimRenderingTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Tom = "a0000000-0000-4000-8000-000000000003";
    private const string Maria = "a0000000-0000-4000-8000-000000000002";
    private const string Yuki = "a0000000-0000-4000-8000-000000000004";
    private const string Trainers = "c0000000-0000-4000-8000-000000000002";
    private const string UserUri = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupUri = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static string PatchOp(string operation) => "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";

    /// <summary>Each write: method, path, body (null: none), or a change of switches (method "SWITCH").</summary>
    private static readonly Dictionary<string, (string Method, string Path, string? Body)> Writes = new()
    {
        ["create user"] = ("POST", "Users", "{\"schemas\":[\"" + UserUri + "\"],\"userName\":\"new@acme.example\",\"title\":\"New\"}"),
        ["replace user"] = ("PUT", "Users/" + Tom, "{\"schemas\":[\"" + UserUri + "\"],\"userName\":\"tom.becker@lms.example\",\"displayName\":\"Tommy\"}"),
        ["patch user"] = ("PATCH", "Users/" + Tom, PatchOp("{\"op\":\"replace\",\"value\":{\"active\":false,\"title\":\"Lead\"}}")),
        ["delete user in a group"] = ("DELETE", "Users/" + Maria, null),
        ["create group with a member"] = ("POST", "Groups", "{\"schemas\":[\"" + GroupUri + "\"],\"displayName\":\"Coaches\",\"members\":[{\"value\":\"" + Tom + "\"}]}"),
        ["add member"] = ("PATCH", "Groups/" + Trainers, PatchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + Tom + "\"}]}")),
        ["remove member"] = ("PATCH", "Groups/" + Trainers, PatchOp("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + Yuki + "\\\"]\"}")),
        ["rename group"] = ("PUT", "Groups/" + Trainers, "{\"schemas\":[\"" + GroupUri + "\"],\"displayName\":\"Coaches\",\"members\":[{\"value\":\"" + Maria + "\"},{\"value\":\"" + Yuki + "\"}]}"),
        ["delete group"] = ("DELETE", "Groups/" + Trainers, null),
        ["bulk patch"] = ("POST", "Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{\"method\":\"PATCH\",\"path\":\"/Users/" + Tom + "\",\"data\":" +
            PatchOp("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Bulk\"}") + "}]}"),
        ["switch active to a string"] = ("SWITCH", "", null),
    };

    private static readonly string[] Projections = { "", "attributes=userName,active,groups,meta", "excludedAttributes=emails,name" };

    public static IEnumerable<object[]> Cases() =>
        from write in Writes.Keys from projection in Projections select new object[] { write, projection };

    private HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.Token);
        return http;
    }

    private static async Task<byte[]> Page(HttpClient http, string projection)
    {
        using var response = await http.GetAsync("Users?startIndex=1&count=100" + (projection.Length == 0 ? "" : "&" + projection));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The page rendered afresh: an equal copy of the switches is a new instance, which no kept rendering names.</summary>
    private async Task<byte[]> FreshPage(HttpClient http, string projection)
    {
        Emulator.Behaviour = Emulator.Behaviour;
        return await Page(http, projection);
    }

    /// <summary>The answer parsed and serialized again as one tree, with the encoder the emulator writes with.</summary>
    private static byte[] AsOneTree(byte[] body) =>
        JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(body), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_page_after_a_write_is_the_page_rendered_afresh(string write, string projection)
    {
        using var http = Http();
        // Every user gets a group (and a character the encoder must escape), so groups show in the renderings kept.
        using (var tagged = await http.PostAsync("Groups", new StringContent(
                   "{\"schemas\":[\"" + GroupUri + "\"],\"displayName\":\"All \\\"quoted\\\" <&> é\",\"members\":[" +
                   string.Join(",", new[] { Tom, Maria, Yuki, "a0000000-0000-4000-8000-000000000001" }.Select(id => "{\"value\":\"" + id + "\"}")) + "]}",
                   Encoding.UTF8, "application/scim+json")))
            Assert.Equal(201, (int)tagged.StatusCode);
        var before = await Page(http, projection);
        Assert.Equal(before, await Page(http, projection)); // served from what the first page kept

        var (method, path, body) = Writes[write];
        if (method == "SWITCH") Switch(b => b.ActiveAsString = true);
        else
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/scim+json") };
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{write}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var after = await Page(http, projection);
        var fresh = await FreshPage(http, projection);

        Assert.NotEqual(before, after);
        Assert.Equal(Encoding.UTF8.GetString(fresh), Encoding.UTF8.GetString(after));
        Assert.Equal(fresh, after);
        Assert.Equal(AsOneTree(after), after);
    }

    [Fact]
    public async Task A_page_with_another_projection_is_not_served_from_renderings_kept_for_one()
    {
        using var http = Http();
        var whole = await Page(http, "");
        var names = await Page(http, "attributes=userName");
        var wholeAgain = await Page(http, "");

        Assert.Equal(whole, wholeAgain);
        Assert.DoesNotContain("\"meta\"", Encoding.UTF8.GetString(names), StringComparison.Ordinal);
        Assert.Contains("\"meta\"", Encoding.UTF8.GetString(whole), StringComparison.Ordinal);
        Assert.Equal(AsOneTree(names), names);
    }
}
