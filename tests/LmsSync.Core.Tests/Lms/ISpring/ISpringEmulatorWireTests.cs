using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>The emulator itself, over raw HTTP: what a careless client would get wrong must fail here.</summary>
public sealed class ISpringEmulatorWireTests : IClassFixture<ISpringSandboxFixture>, IDisposable
{
    private readonly ISpringSandboxFixture _sandbox;
    private readonly HttpClient _http = new();

    public ISpringEmulatorWireTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync()
    {
        using var response = await _http.PostAsync(_sandbox.Url + "/api/v3/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.ClientId, ["client_secret"] = _sandbox.ClientSecret, ["grant_type"] = "client_credentials",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<response>", body.TrimStart());
        var token = System.Xml.Linq.XElement.Parse(body).Element("access_token")!.Value;
        Assert.Equal("1800", System.Xml.Linq.XElement.Parse(body).Element("expires_in")!.Value);
        return token;
    }

    private async Task<(HttpStatusCode Status, string Body, string? Type)> SendAsync(HttpMethod method, string path, string? token, string? json = null, string? accept = "application/json", bool bearer = true)
    {
        using var request = new HttpRequestMessage(method, _sandbox.Url + path);
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", bearer ? "Bearer " + token : token);
        if (accept != null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Sandbox_json_section_has_url_client_id_and_secret()
    {
        var section = _sandbox.Host.Info["ispring"]!.AsObject();
        Assert.Equal(_sandbox.Host.BaseUrl + "/ispring", (string?)section["url"]);
        Assert.StartsWith("ispring-", (string?)section["clientId"]);
        Assert.True(((string?)section["clientSecret"])!.Length >= 32);
    }

    [Fact]
    public async Task Without_Accept_json_the_answer_is_XML_not_JSON()
    {
        var token = await TokenAsync();

        var xml = await SendAsync(HttpMethod.Get, "/users/v2", token, accept: null);
        var asXml = await SendAsync(HttpMethod.Get, "/users/v2", token, accept: "application/xml");
        var json = await SendAsync(HttpMethod.Get, "/users/v2", token);

        Assert.Equal("application/xml", xml.Type);
        Assert.StartsWith("<response>", xml.Body.TrimStart());
        Assert.Contains("<userProfile>", xml.Body);
        Assert.Equal("application/xml", asXml.Type);
        Assert.Equal("application/json", json.Type);
        Assert.NotNull(JsonNode.Parse(json.Body)!["userProfiles"]);
    }

    [Fact]
    public async Task Both_Bearer_and_bare_tokens_are_accepted_and_none_is_401_with_ErrorResponse()
    {
        var token = await TokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/group", token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/group", token, bearer: false)).Status);
        var none = await SendAsync(HttpMethod.Get, "/group", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(401, (int)JsonNode.Parse(none.Body)!["code"]!);
        Assert.NotNull((string?)JsonNode.Parse(none.Body)!["message"]);
    }

    [Fact]
    public async Task A_token_expires_after_1800_seconds_on_the_sandbox_clock()
    {
        var token = await TokenAsync();
        _sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(1799));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/group", token)).Status);

        _sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await SendAsync(HttpMethod.Get, "/group", token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("expired", expired.Body);
    }

    [Fact]
    public async Task Wrong_secret_or_grant_type_is_refused()
    {
        using var wrong = await _http.PostAsync(_sandbox.Url + "/api/v3/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.ClientId, ["client_secret"] = "nope", ["grant_type"] = "client_credentials",
        }));
        using var grant = await _http.PostAsync(_sandbox.Url + "/api/v3/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.ClientId, ["client_secret"] = _sandbox.ClientSecret, ["grant_type"] = "password",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
    }

    [Theory]
    [InlineData("{\"fields\":{\"login\":\"x1\"}}", 400, "departmentId")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":{\"email\":\"x1@acme.example\"}}", 400, "login")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":[{\"name\":\"login\",\"value\":\"x1\"}]}", 400, "fields must be an object")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":{\"login\":\"x1\",\"email\":\"x1@acme.example\"},\"sendLoginEmail\":true}", 400, "invitationMessage")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":{\"login\":\"x1\",\"nickname\":\"x\"}}", 400, "Unknown profile field")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":{\"login\":\"ANN.LEE\"}}", 409, "same login")]
    [InlineData("{\"departmentId\":\"@root\",\"fields\":{\"login\":\"x1\",\"email\":\"Ann.Lee@acme.example\"}}", 409, "same email")]
    public async Task Create_user_validation_and_duplicates_answer_ErrorResponse(string body, int status, string message)
    {
        var token = await TokenAsync();

        var answer = await SendAsync(HttpMethod.Post, "/user", token, body.Replace("@root", _sandbox.Store.RootDepartmentId));

        Assert.Equal(status, (int)answer.Status);
        var error = JsonNode.Parse(answer.Body)!;
        Assert.Equal(status, (int)error["code"]!);
        Assert.Contains(message, (string)error["message"]!);
        Assert.Empty(_sandbox.Store.SentEmails);
    }

    [Fact]
    public async Task A_changed_or_deleted_users_old_email_and_login_are_free_again_and_the_new_ones_taken()
    {
        var token = await TokenAsync();
        var root = _sandbox.Store.RootDepartmentId;
        var ann = _sandbox.UserId("ann.lee");

        var renamed = await SendAsync(HttpMethod.Post, "/user/" + ann, token, "{\"fields\":{\"email\":\"ann.new@acme.example\"}}");
        var oldEmail = await SendAsync(HttpMethod.Post, "/user", token, $"{{\"departmentId\":\"{root}\",\"fields\":{{\"login\":\"x1\",\"email\":\"ann.lee@acme.example\"}}}}");
        var newEmail = await SendAsync(HttpMethod.Post, "/user", token, $"{{\"departmentId\":\"{root}\",\"fields\":{{\"login\":\"x2\",\"email\":\"ANN.NEW@acme.example\"}}}}");
        var deleted = await SendAsync(HttpMethod.Delete, "/user/" + ann, token);
        var oldLogin = await SendAsync(HttpMethod.Post, "/user", token, $"{{\"departmentId\":\"{root}\",\"fields\":{{\"login\":\"ann.lee\",\"email\":\"ann.new@acme.example\"}}}}");

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal(HttpStatusCode.Created, oldEmail.Status);
        Assert.Equal(HttpStatusCode.Conflict, newEmail.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.Created, oldLogin.Status);
    }

    [Fact]
    public async Task Create_answers_201_with_the_id_as_a_JSON_string_and_records_the_welcome_email()
    {
        var token = await TokenAsync();
        var body = $"{{\"departmentId\":\"{_sandbox.Store.RootDepartmentId}\",\"fields\":{{\"login\":\"x1\",\"email\":\"x1@acme.example\"}},\"sendLoginEmail\":true,\"invitationMessage\":\"Welcome\"}}";

        var answer = await SendAsync(HttpMethod.Post, "/user", token, body);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var id = (string)JsonNode.Parse(answer.Body)!;
        var email = Assert.Single(_sandbox.Store.SentEmails);
        Assert.Equal((id, "x1@acme.example", "Welcome"), (email.UserId, email.Email, email.InvitationMessage));
    }

    [Fact]
    public async Task Fields_come_as_an_upper_case_name_value_list_by_default_and_as_an_object_on_switch()
    {
        var token = await TokenAsync();
        var ann = _sandbox.UserId("ann.lee");

        var list = JsonNode.Parse((await SendAsync(HttpMethod.Get, "/user/" + ann, token)).Body)!["response"]!["fields"]!;
        _sandbox.Emulator.Behaviour = new ISpringBehaviour { FieldsShape = ISpringFieldsShape.Object };
        var map = JsonNode.Parse((await SendAsync(HttpMethod.Get, "/user/" + ann, token)).Body)!["response"]!["fields"]!;

        Assert.Contains(list.AsArray(), f => (string?)f!["name"] == "EMAIL" && (string?)f["value"] == "ann.lee@acme.example");
        Assert.Equal("ann.lee@acme.example", (string?)map["email"]);
        Assert.Equal("005000000000001AAA", (string?)map[ISpringStore.SalesforceIdFieldName]);
    }

    [Fact]
    public async Task The_profile_field_catalogue_has_the_custom_Salesforce_Id_field()
    {
        var token = await TokenAsync();

        var fields = JsonNode.Parse((await SendAsync(HttpMethod.Get, "/user/profile/fields", token)).Body)!.AsArray();

        Assert.Contains(fields, f => (string?)f!["name"] == "USER_DEFINED_FIELD1" && (string?)f["label"] == "Salesforce Id");
    }

    [Theory]
    [InlineData("/users/v2?pageToken=not-a-token")]
    [InlineData("/users/v2?pageSize=0")]
    [InlineData("/users/v2?pageSize=1001")]
    public async Task Bad_paging_parameters_are_400(string path)
    {
        var token = await TokenAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, path, token)).Status);
    }

    [Fact]
    public async Task Status_must_be_1_3_or_5()
    {
        var token = await TokenAsync();
        var ann = _sandbox.UserId("ann.lee");

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"/user/{ann}/status", token, "{\"status\":2}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"/user/{ann}/status", token, "{\"status\":\"3\"}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/user/{ann}/status", token, "{\"status\":5}")).Status);
        Assert.Equal(5, _sandbox.Store.GetUser(ann).User.Status);
    }

    [Fact]
    public async Task A_members_write_replaces_the_whole_list_and_smart_groups_refuse_it()
    {
        var token = await TokenAsync();
        var onboarding = _sandbox.GroupId("Onboarding");
        var carla = _sandbox.UserId("carla.diaz");

        var write = await SendAsync(HttpMethod.Post, $"/group/{onboarding}/members", token, $"{{\"userIds\":[\"{carla}\"]}}");
        var smart = await SendAsync(HttpMethod.Post, $"/group/{_sandbox.GroupId("All Sales")}/members", token, $"{{\"userIds\":[\"{carla}\"]}}");

        Assert.Equal(HttpStatusCode.OK, write.Status);
        Assert.Equal(new[] { carla }, _sandbox.Store.GetGroup(onboarding).UserIds);
        Assert.Equal(HttpStatusCode.BadRequest, smart.Status);
    }

    [Fact]
    public async Task Admin_api_switches_behaviour_seeds_learners_and_lists_emails()
    {
        using var admin = new HttpClient { BaseAddress = new Uri(_sandbox.Host.BaseUrl) };

        using var set = await admin.PostAsync("/__admin/ispring/behaviour", new StringContent("{\"fieldsShape\":\"Object\",\"groupIdsOnUpdate\":\"Replace\"}", Encoding.UTF8, "application/json"));
        using var bad = await admin.PostAsync("/__admin/ispring/behaviour", new StringContent("{\"nope\":1}", Encoding.UTF8, "application/json"));
        using var seed = await admin.PostAsync("/__admin/ispring/seed?learners=3", null);
        var emails = await admin.GetStringAsync("/__admin/ispring/emails");
        var state = JsonNode.Parse(await admin.GetStringAsync("/__admin/ispring/state"))!;

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(ISpringFieldsShape.Object, _sandbox.Emulator.Behaviour.FieldsShape);
        Assert.Equal(ISpringGroupIdsOnUpdate.Replace, _sandbox.Emulator.Behaviour.GroupIdsOnUpdate);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await seed.Content.ReadAsStringAsync())!["userIds"]!.AsArray().Count);
        Assert.Equal("[]", emails);
        Assert.Equal(8, state["users"]!.AsArray().Count);

        using var reset = await admin.PostAsync("/__admin/ispring/reset?empty=true", null);
        Assert.Empty(_sandbox.Store.Snapshot().Users);
        Assert.Single(_sandbox.Store.Snapshot().Departments);
    }
}
