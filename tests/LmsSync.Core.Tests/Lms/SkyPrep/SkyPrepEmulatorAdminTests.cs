using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>The emulator's test-only admin API under /__admin/skyprep, and its sandbox.json section.</summary>
public sealed class SkyPrepEmulatorAdminTests(SkyPrepSandboxFixture fixture) : SkyPrepTestBase(fixture)
{
    private HttpClient Admin() => new() { BaseAddress = new Uri(Host.BaseUrl + "/__admin/skyprep/") };

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public void The_sandbox_json_section_has_url_api_key_and_a_domain_like_account_key()
    {
        var section = Host.Info["skyprep"]!;
        Assert.Equal(Host.BaseUrl + "/skyprep", (string?)section["url"]);
        Assert.Equal(Emulator.ApiKey, (string?)section["apiKey"]);
        Assert.Matches(@"^sandbox-[0-9a-f]{6}\.skyprepapp\.com$", (string?)section["acctKey"]);
    }

    [Fact]
    public async Task State_lists_seeded_users_groups_emails_and_switches()
    {
        using var admin = Admin();

        var state = JsonNode.Parse(await admin.GetStringAsync("state"))!;

        Assert.Equal(5, state["users"]!.AsArray().Count);
        Assert.Contains(state["users"]!.AsArray(), u => (string?)u!["role"] == "admin");
        Assert.Equal(2, state["groups"]!.AsArray().Count);
        Assert.Empty(state["emails"]!.AsArray());
        Assert.Equal(100, (int)state["behaviour"]!["rateLimitPerMinute"]!);
    }

    [Fact]
    public async Task Switches_change_by_partial_JSON_and_unknown_names_are_refused()
    {
        using var admin = Admin();

        using var changed = await admin.PostAsync("behaviour", JsonBody("{\"deactivation\":\"DisabledFlag\",\"rateLimitPerMinute\":7}"));
        using var unknown = await admin.PostAsync("behaviour", JsonBody("{\"noSuchSwitch\":true}"));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal((SkyPrepDeactivationStyle.DisabledFlag, 7, "send_login_info"), (Emulator.Behaviour.Deactivation, Emulator.Behaviour.RateLimitPerMinute, Emulator.Behaviour.WelcomeEmailParameter));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("noSuchSwitch", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Seeding_reset_emails_and_key_rotation()
    {
        using var admin = Admin();
        using var client = Client();
        await client.CreateUserAsync(new LmsSync.Core.Lms.SkyPrep.SkyPrepUserFields { Email = "w@acme.example.com", FirstName = "W", LastName = "E" }, sendWelcomeEmail: true);

        var emails = JsonNode.Parse(await admin.GetStringAsync("emails"))!.AsArray();
        Assert.Equal("w@acme.example.com", (string?)Assert.Single(emails)!["to"]);
        (await admin.DeleteAsync("emails")).Dispose();
        Assert.Empty(Emulator.State.SentEmails());

        (await admin.PostAsync("learners?count=3", null)).Dispose();
        (await admin.PostAsync("groups?name=Ops", null)).Dispose();
        Assert.Equal(9, Emulator.State.Users().Count);
        Assert.Contains(Emulator.State.Groups(), g => g.Name == "Ops");

        (await admin.PostAsync("reset?empty=true", null)).Dispose();
        Assert.Empty(Emulator.State.Users());

        var oldKey = Emulator.ApiKey;
        var rotated = JsonNode.Parse(await (await admin.PostAsync("keys/rotate", null)).Content.ReadAsStringAsync())!;
        Assert.NotEqual(oldKey, (string?)rotated["apiKey"]);
        await Assert.ThrowsAsync<LmsSync.Core.Lms.SkyPrep.SkyPrepException>(() => client.TestConnectionAsync());
    }

    [Fact]
    public async Task Unknown_methods_are_404_in_the_configured_error_shape()
    {
        using var http = new HttpClient();
        var form = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("api_key", Emulator.ApiKey),
            new System.Collections.Generic.KeyValuePair<string, string>("acct_key", Emulator.AcctKey),
        });

        using var response = await http.PostAsync(Emulator.Url(Host.Context) + "/admin/api/frobnicate_users", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"message\":\"Unknown API method 'frobnicate_users'.\"}", await response.Content.ReadAsStringAsync());
        Assert.True(Calls().All(c => c.Path.StartsWith("/skyprep/", StringComparison.Ordinal)));
    }
}
