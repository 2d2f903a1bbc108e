using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce;
using LmsSync.Sandbox.Salesforce.Admin;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceAdminTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Settings_can_be_read_and_changed_through_the_admin_api()
    {
        await using var sf = await SfSandbox.StartAsync();

        using var changed = await sf.Main.PatchAsync("/__admin/salesforce/settings", Json(
            "{\"passwordFlowBlocked\":true,\"tokenLifetimeSeconds\":900,\"dailyApiLimit\":42,\"shortPages\":true,\"acceptedAudience\":\"sandbox\",\"refreshTokenRotation\":true}"));
        var body = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;
        using var bad = await sf.Main.PatchAsync("/__admin/salesforce/settings", Json("{\"acceptedAudience\":\"https://acme.my.salesforce.com\"}"));

        Assert.Equal(200, (int)changed.StatusCode);
        Assert.True((bool)body["passwordFlowBlocked"]!);
        var settings = sf.Emulator.Settings;
        Assert.Equal(new SalesforceSettings
        {
            PasswordFlowBlocked = true, TokenLifetime = TimeSpan.FromMinutes(15), DailyApiLimit = 42, ShortPages = true,
            AcceptedAudience = SalesforceSettings.SandboxAudience, RefreshTokenRotation = true,
        }, settings);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal(SalesforceSettings.SandboxAudience, sf.Emulator.Settings.AcceptedAudience);
    }

    [Fact]
    public async Task Revoking_tokens_through_the_admin_api_ends_every_session_at_once()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        using var revoke = await sf.Main.PostAsync("/__admin/salesforce/revoke-tokens", null);
        var (status, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        Assert.Equal(200, (int)revoke.StatusCode);
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Inserted_and_updated_users_show_up_in_queries_with_a_newer_SystemModstamp()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var profileId = sf.Emulator.Org.Rows("Profile").First().Id;

        using var inserted = await sf.Main.PostAsync("/__admin/salesforce/users", Json(new JsonObject
        {
            ["Username"] = "new.hire@sandbox.example.com", ["Email"] = "new.hire@sandbox.example.com", ["LastName"] = "Hire", ["Alias"] = "nhire",
            ["ProfileId"] = profileId, ["TimeZoneSidKey"] = "GMT", ["LocaleSidKey"] = "en_US", ["LanguageLocaleKey"] = "en_US",
            ["Hire_Date__c"] = "2026-10-01",
        }.ToJsonString()));
        Assert.Equal(201, (int)inserted.StatusCode);
        var id = (string)JsonNode.Parse(await inserted.Content.ReadAsStringAsync())!["id"]!;
        var before = (string)(await QueryUserAsync(sf, token, id))["SystemModstamp"]!;

        sf.Host.Context.Clock.Advance(TimeSpan.FromMinutes(5));
        using var updated = await sf.Main.PatchAsync("/__admin/salesforce/users/" + id, Json("{\"Department\":\"Sales\"}"));
        var after = await QueryUserAsync(sf, token, id);

        Assert.Equal(200, (int)updated.StatusCode);
        Assert.Equal("Sales", (string?)after["Department"]);
        Assert.Equal("2026-10-01", (string?)after["Hire_Date__c"]);
        Assert.True(Stamp((string)after["SystemModstamp"]!) >= Stamp(before).AddMinutes(5));
    }

    [Fact]
    public async Task Deactivating_a_user_ends_its_sessions_and_blocks_its_sign_in()
    {
        await using var sf = await SfSandbox.StartAsync();
        var username = sf.Emulator.Org.Rows("User").Select(r => (string)r["Username"]!).ElementAt(4);
        var id = sf.Emulator.Org.Rows("User").ElementAt(4).Id;
        var token = await sf.SignInAsync(username);

        using var deactivated = await sf.Main.PostAsync($"/__admin/salesforce/users/{id}/deactivate", null);
        var (status, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        var (signIn, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt(sub: username)));

        Assert.Equal(200, (int)deactivated.StatusCode);
        Assert.Equal(false, sf.Emulator.Org.Get(id)!["IsActive"]);
        Assert.Equal(401, status);
        Assert.Equal(400, signIn);
        Assert.Equal("inactive user", (string?)body["error_description"]);
    }

    [Fact]
    public async Task Admin_user_calls_report_org_refusals_and_unknown_ids()
    {
        await using var sf = await SfSandbox.StartAsync();
        using var missing = await sf.Main.PatchAsync("/__admin/salesforce/users/005000000000000AAA", Json("{\"Department\":\"x\"}"));
        using var invalid = await sf.Main.PostAsync("/__admin/salesforce/users", Json("{\"LastName\":\"Only\"}"));
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal("REQUIRED_FIELD_MISSING", (string?)JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["errorCode"]);
    }

    [Fact]
    public async Task Reseeding_replaces_the_org_and_closes_cursors_but_keeps_sessions()
    {
        await using var sf = await SfSandbox.StartAsync(450);
        var token = await sf.SignInAsync();
        var (_, page, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);

        using var reseed = await sf.Main.PostAsync("/__admin/salesforce/reseed", Json("{\"users\":20,\"seed\":3}"));
        var (count, counted, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT COUNT() FROM User"), token);
        var (stale, body, _) = await sf.GetJsonAsync((string)page["nextRecordsUrl"]!, token);

        Assert.Equal(200, (int)reseed.StatusCode);
        Assert.Equal(200, count);
        Assert.Equal(20, (int)counted["totalSize"]!);
        Assert.Equal(3, sf.Emulator.Seed);
        Assert.Equal(400, stale);
        SfSandbox.AssertError(body, "INVALID_QUERY_LOCATOR");
    }

    [Theory]
    [InlineData(503, "SERVER_UNAVAILABLE")]
    [InlineData(500, "UNKNOWN_EXCEPTION")]
    public async Task Server_errors_can_be_injected_with_json_bodies(int status, string errorCode)
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        using var added = await sf.Main.PostAsync("/__admin/salesforce/faults", Json($"{{\"fault\":\"serverError\",\"route\":\"query\",\"status\":{status}}}"));

        var (first, body, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token);
        var (second, _, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token);

        Assert.Equal(200, (int)added.StatusCode);
        Assert.Equal((status, 200), (first, second));
        SfSandbox.AssertError(body, errorCode);
    }

    [Fact]
    public async Task An_html_maintenance_page_can_be_injected_for_later_pages_only()
    {
        await using var sf = await SfSandbox.StartAsync(450);
        var token = await sf.SignInAsync();
        sf.Emulator.Faults.ServerError(SalesforceRoutes.QueryMore, 503, html: true);

        var (first, page, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);
        using var second = await sf.GetAsync((string)page["nextRecordsUrl"]!, token);
        using var retried = await sf.GetAsync((string)page["nextRecordsUrl"]!, token);

        Assert.Equal(200, first);
        Assert.Equal(503, (int)second.StatusCode);
        Assert.Equal("text/html", second.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await second.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)retried.StatusCode);
    }

    [Fact]
    public async Task Request_limit_malformed_json_and_dropped_connections_can_be_injected()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var limits = SfSandbox.Version + "/limits";

        sf.Emulator.Faults.RequestLimitExceeded(SalesforceRoutes.Limits);
        var (limited, limitBody, _) = await sf.GetJsonAsync(limits, token);
        sf.Emulator.Faults.MalformedJson(SalesforceRoutes.Limits);
        using var malformed = await sf.GetAsync(limits, token);
        var malformedText = await malformed.Content.ReadAsStringAsync();
        sf.Emulator.Faults.DropConnection(SalesforceRoutes.Limits);
        await Assert.ThrowsAsync<HttpRequestException>(() => sf.GetAsync(limits, token));

        Assert.Equal(403, limited);
        SfSandbox.AssertError(limitBody, "REQUEST_LIMIT_EXCEEDED");
        Assert.Equal(200, (int)malformed.StatusCode);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(malformedText));
        Assert.Empty(sf.Host.Context.Faults.Rules);
    }

    [Fact]
    public async Task An_unknown_fault_or_route_is_a_400_that_says_what_exists()
    {
        await using var sf = await SfSandbox.StartAsync();
        using var badFault = await sf.Main.PostAsync("/__admin/salesforce/faults", Json("{\"fault\":\"meteor\"}"));
        using var badRoute = await sf.Main.PostAsync("/__admin/salesforce/faults", Json("{\"fault\":\"serverError\",\"route\":\"moon\"}"));
        Assert.Equal(400, (int)badFault.StatusCode);
        Assert.Contains("serverError", await badFault.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)badRoute.StatusCode);
        Assert.Contains("queryMore", await badRoute.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> QueryUserAsync(SfSandbox sf, string token, string id)
    {
        var (_, body, _) = await sf.GetJsonAsync(SfSandbox.Query($"SELECT Id, Department, Hire_Date__c, SystemModstamp FROM User WHERE Id = '{id}'"), token);
        return body["records"]![0]!;
    }

    private static DateTimeOffset Stamp(string text) =>
        DateTimeOffset.ParseExact(text.Insert(text.Length - 2, ":"), "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
