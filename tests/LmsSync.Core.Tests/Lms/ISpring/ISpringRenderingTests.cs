using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// <c>/users/v2</c> pages reuse each user's JSON kept from an earlier page while the store had no write. After a write
/// of every kind, a page must be byte for byte the users as <c>GET /user</c> renders them afresh (it keeps nothing).
/// </summary>
public sealed class ISpringRenderingTests : IClassFixture<ISpringSandboxFixture>, IDisposable
{
    private readonly ISpringSandboxFixture _sandbox;
    private readonly HttpClient _http = new();

    public ISpringRenderingTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    public void Dispose() => _http.Dispose();

    private ISpringStore Store => _sandbox.Store;

    private string UserId(int index) => Store.Snapshot().Users[index].UserId;

    /// <summary>Each write, as the store does it for the routes.</summary>
    public static IEnumerable<object[]> Writes() => new[]
    {
        "update fields", "update department and role", "status", "create user", "delete user", "new group", "replace members",
        "remove from groups", "move users", "delete department", "fields shape",
    }.Select(w => new object[] { w });

    private void Write(string write)
    {
        var root = Store.RootDepartmentId;
        switch (write)
        {
            case "update fields":
                Store.UpdateUser(UserId(1), new ISpringUpdateUserInput { Fields = new() { ["job_title"] = "Lead \"quoted\" <&> é", ["phone"] = null } }, ISpringGroupIdsOnUpdate.Add);
                break;
            case "update department and role":
                Store.UpdateUser(UserId(2), new ISpringUpdateUserInput { DepartmentId = Store.CreateDepartment("Ops", root, null, false), Role = "publisher" }, ISpringGroupIdsOnUpdate.Add);
                break;
            case "status":
                Store.SetStatus(new[] { UserId(0), UserId(3) }, 3);
                break;
            case "create user":
                Store.CreateUser(new ISpringNewUserInput { DepartmentId = root, Fields = new() { ["login"] = "new.user", ["email"] = "new.user@acme.example" } }, false);
                break;
            case "delete user":
                Store.DeleteUser(UserId(1));
                break;
            case "new group":
                Store.CreateGroup("Everyone", Store.Snapshot().Users.Select(u => u.UserId).ToList(), false);
                break;
            case "replace members":
                var group = Store.ListGroups().First(g => !g.IsSmart);
                Store.ReplaceMembers(group.GroupId, new[] { UserId(2) });
                break;
            case "remove from groups":
                var member = Store.ListGroups().First(g => !g.IsSmart && g.UserIds.Count > 0);
                Store.RemoveUserFromGroups(member.UserIds[0], new[] { member.GroupId });
                break;
            case "move users":
                Store.MoveUsers(Store.CreateDepartment("Moved", root, null, false), new[] { UserId(0), UserId(1) });
                break;
            case "delete department":
                var department = Store.CreateDepartment("Short-lived", root, null, false);
                Store.MoveUsers(department, new[] { UserId(2) });
                Store.MoveUsers(root, new[] { UserId(2) });
                Store.DeleteDepartment(department);
                Store.UpdateUser(UserId(2), new ISpringUpdateUserInput { Fields = new() { ["country"] = "NZ" } }, ISpringGroupIdsOnUpdate.Add);
                break;
            case "fields shape":
                _sandbox.Emulator.Behaviour = new ISpringBehaviour { FieldsShape = ISpringFieldsShape.Object };
                break;
            default:
                throw new ArgumentException(write);
        }
    }

    private async Task<string> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _sandbox.Url + path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<string> TokenAsync()
    {
        using var response = await _http.PostAsync(_sandbox.Url + "/api/v3/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.ClientId, ["client_secret"] = _sandbox.ClientSecret, ["grant_type"] = "client_credentials",
        }));
        return System.Xml.Linq.XElement.Parse(await response.Content.ReadAsStringAsync()).Element("access_token")!.Value;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_page_after_a_write_is_the_users_rendered_afresh(string write)
    {
        var token = await TokenAsync();
        var before = await GetAsync(token, "/users/v2?pageSize=1000");
        Assert.Equal(before, await GetAsync(token, "/users/v2?pageSize=1000")); // served from what the first page kept

        Write(write);
        var after = await GetAsync(token, "/users/v2?pageSize=1000");
        var fresh = await GetAsync(token, "/user");

        Assert.NotEqual(before, after);
        Assert.Equal("{\"userProfiles\":" + fresh + "}", after);
    }

    [Fact]
    public async Task Pages_after_the_first_carry_the_same_users_as_one_page()
    {
        var token = await TokenAsync();
        var whole = await GetAsync(token, "/users/v2?pageSize=1000");
        var first = await GetAsync(token, "/users/v2?pageSize=3");
        var next = System.Text.Json.Nodes.JsonNode.Parse(first)!["nextPageToken"]!.GetValue<string>();
        var second = await GetAsync(token, "/users/v2?pageSize=1000&pageToken=" + Uri.EscapeDataString(next));

        var users = System.Text.Json.Nodes.JsonNode.Parse(whole)!["userProfiles"]!.AsArray().Select(u => u!.ToJsonString()).ToList();
        var paged = new[] { first, second }.SelectMany(p => System.Text.Json.Nodes.JsonNode.Parse(p)!["userProfiles"]!.AsArray().Select(u => u!.ToJsonString())).ToList();
        Assert.True(users.Count > 3);
        Assert.Equal(users, paged);
    }
}
