using System;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>Token expiry, rate limiting, server errors and broken bodies, with the Sandbox's fault injection.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimResilienceTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    [Fact]
    public async Task An_expired_token_is_a_401_that_says_to_issue_a_new_one()
    {
        Switch(b => b.TokenLifetimeSeconds = 3600);
        var client = Client();
        await client.CountUsersAsync();
        Host.Context.Clock.Advance(TimeSpan.FromSeconds(3601));

        var error = await Assert.ThrowsAsync<ScimException>(() => client.CountUsersAsync());

        Assert.True(error.IsUnauthorized);
        Assert.Contains("expired", error.Detail);
        Assert.Contains("Issue a new token", error.Message);
        Assert.DoesNotContain(Emulator.Token, error.ToString());
    }

    [Fact]
    public async Task With_a_refresh_callback_a_401_gets_one_new_token_and_the_call_goes_through()
    {
        Switch(b => b.TokenLifetimeSeconds = 60);
        var refreshes = 0;
        var client = Client(o => o.RefreshToken = _ =>
        {
            refreshes++;
            return Task.FromResult(Secure(Emulator.RotateToken()));
        });
        Host.Context.Clock.Advance(TimeSpan.FromSeconds(61));

        var user = await client.CreateUserAsync(new ScimNewUser("after.expiry@acme.example"));

        Assert.Equal("after.expiry@acme.example", user.UserName);
        Assert.Equal(1, refreshes);
        Assert.Equal(new[] { "POST 401", "POST 201", "GET 200" }, Requests().Select(r => r.Method + " " + r.Status));
    }

    [Fact]
    public async Task A_wrong_token_is_refused()
    {
        var client = Client(o => o.Token = Secure("scim-wrong"));

        var error = await Assert.ThrowsAsync<ScimException>(() => client.DiscoverAsync());

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task A_429_on_a_read_waits_the_Retry_After_and_retries()
    {
        Host.Context.Faults.Add(new FaultRule { Method = "GET", PathPattern = "^/scim/v2/Users", Times = 2, StatusCode = 429, Headers = { ["Retry-After"] = "2" } });
        var client = Client();

        var count = await client.CountUsersAsync();

        Assert.Equal(4, count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, Waits);
        Assert.Equal(new[] { 429, 429, 200 }, Requests("GET", "/Users").Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_on_a_create_is_sent_again_because_it_was_not_processed()
    {
        Host.Context.Faults.Add(new FaultRule { Method = "POST", PathPattern = "^/scim/v2/Users", Times = 1, StatusCode = 429, Headers = { ["Retry-After"] = "1" } });
        var client = Client();

        var user = await client.CreateUserAsync(new ScimNewUser("rate.limited@acme.example"));

        Assert.Equal("rate.limited@acme.example", user.UserName);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, Waits);
        Assert.Equal(new[] { 429, 201 }, Requests("POST").Select(r => r.Status));
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried()
    {
        Host.Context.Faults.Add(new FaultRule { Method = "GET", PathPattern = "^/scim/v2/Groups", Times = 2, StatusCode = 503, Body = "<html>busy</html>", ContentType = "text/html" });
        var client = Client();

        var page = await client.ListGroups().ReadPageAsync();

        Assert.Equal(2, page!.Count);
        Assert.Equal(new[] { 503, 503, 200 }, Requests("GET", "/Groups").Select(r => r.Status));
    }

    [Fact]
    public async Task A_5xx_on_a_create_is_not_retried_and_says_so()
    {
        Host.Context.Faults.Add(new FaultRule { Method = "POST", PathPattern = "^/scim/v2/Users", StatusCode = 500, Body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"500\",\"detail\":\"database unavailable\"}" });
        var client = Client();

        var error = await Assert.ThrowsAsync<ScimException>(() => client.CreateUserAsync(new ScimNewUser("x@acme.example")));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("database unavailable", error.Detail);
        Assert.Single(Requests("POST"));
    }

    [Fact]
    public async Task A_5xx_on_a_replace_patch_is_retried_because_it_is_idempotent()
    {
        var client = Client();
        await client.DiscoverAsync();
        Host.Context.Faults.Add(new FaultRule { Method = "PATCH", PathPattern = "^/scim/v2/Users/", Times = 1, StatusCode = 502 });

        var user = await client.DeactivateUserAsync("a0000000-0000-4000-8000-000000000003");

        Assert.False(user!.Active);
        Assert.Equal(new[] { 502, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task A_cut_off_body_is_a_clear_error()
    {
        var client = Client();
        await client.DiscoverAsync();
        Host.Context.Faults.Add(new FaultRule { Method = "GET", PathPattern = "^/scim/v2/Users", Kind = FaultKind.MalformedBody });

        var error = await Assert.ThrowsAsync<ScimException>(() => client.ListUsers().ReadPageAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("not valid SCIM JSON", error.Message);
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScimClient(new ScimClientOptions { BaseUrl = "http://lms.example.com/scim/v2", Token = Secure("t") }));

        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void A_missing_token_is_refused_with_where_to_get_one()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScimClient(new ScimClientOptions { BaseUrl = Url }));

        Assert.Contains("SCIM/provisioning settings", error.Message);
    }
}
