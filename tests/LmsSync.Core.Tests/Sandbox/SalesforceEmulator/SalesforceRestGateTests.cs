using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceRestGateTests
{
    [Fact]
    public async Task The_version_list_needs_no_session_and_names_each_release()
    {
        await using var sf = await SfSandbox.StartAsync();

        var (status, body, _) = await sf.GetJsonAsync("/services/data/", token: null);

        Assert.Equal(200, status);
        var versions = Assert.IsType<JsonArray>(body);
        var newest = versions.Last()!;
        Assert.Equal("66.0", (string?)newest["version"]);
        Assert.Equal("/services/data/v66.0", (string?)newest["url"]);
        Assert.Equal("Spring '26", (string?)newest["label"]);
        Assert.Contains(versions, v => (string?)v!["version"] == "64.0" && (string?)v["label"] == "Summer '25");
        Assert.DoesNotContain(versions, v => (string?)v!["version"] == "67.0");
    }

    [Theory]
    [InlineData("/services/data/v67.0/limits")]
    [InlineData("/services/data/v30.0/limits")]
    [InlineData("/services/data/v066.0/limits")]
    [InlineData("/services/data/latest/limits")]
    public async Task A_version_this_org_does_not_have_is_404_NOT_FOUND(string path)
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();

        var (status, body, _) = await sf.GetJsonAsync(path, token);

        Assert.Equal(404, status);
        Assert.Equal("The requested resource does not exist", SfSandbox.AssertError(body, "NOT_FOUND"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00Dgarbage!AQnotatoken")]
    public async Task No_or_an_unknown_token_is_401_INVALID_SESSION_ID(string? token)
    {
        await using var sf = await SfSandbox.StartAsync();
        var (status, body, response) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        Assert.Equal(401, status);
        Assert.Equal("Session expired or invalid", SfSandbox.AssertError(body, "INVALID_SESSION_ID"));
        Assert.False(response.Headers.Contains("Sforce-Limit-Info"));
    }

    [Fact]
    public async Task A_token_expires_after_the_configured_lifetime_on_the_sandbox_clock()
    {
        await using var sf = await SfSandbox.StartAsync();
        sf.Emulator.Configure(s => s with { TokenLifetime = TimeSpan.FromMinutes(15) });
        var token = await sf.SignInAsync();

        var (before, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        sf.Host.Context.Clock.Advance(TimeSpan.FromMinutes(16));
        var (after, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);

        Assert.Equal(200, before);
        Assert.Equal(401, after);
        SfSandbox.AssertError(body, "INVALID_SESSION_ID");
    }

    [Fact]
    public async Task The_default_lifetime_is_two_hours()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        sf.Host.Context.Clock.Advance(TimeSpan.FromMinutes(119));
        var (alive, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        sf.Host.Context.Clock.Advance(TimeSpan.FromMinutes(2));
        var (dead, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        Assert.Equal((200, 401), (alive, dead));
    }

    [Fact]
    public async Task The_login_host_serves_no_data_api_even_with_a_good_token()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, SfSandbox.Version + "/limits");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await sf.Login.SendAsync(request);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Every_counted_call_reports_usage_and_limits_agrees()
    {
        await using var sf = await SfSandbox.StartAsync();
        sf.Emulator.Configure(s => s with { DailyApiLimit = 5000 });
        var token = await sf.SignInAsync();

        var (_, _, first) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token);
        var (_, _, second) = await sf.GetJsonAsync(SfSandbox.Version + "/sobjects", token);
        var (_, limits, third) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);

        Assert.Equal("api-usage=1/5000", first.Headers.GetValues("Sforce-Limit-Info").Single());
        Assert.Equal("api-usage=2/5000", second.Headers.GetValues("Sforce-Limit-Info").Single());
        Assert.Equal("api-usage=3/5000", third.Headers.GetValues("Sforce-Limit-Info").Single());
        Assert.Equal(5000, (int)limits["DailyApiRequests"]!["Max"]!);
        Assert.Equal(4997, (int)limits["DailyApiRequests"]!["Remaining"]!);
        Assert.Equal(10000, (int)limits["DailyBulkV2QueryJobs"]!["Max"]!);
    }

    [Fact]
    public async Task Past_the_daily_cap_every_call_is_403_REQUEST_LIMIT_EXCEEDED_until_the_day_rolls_over()
    {
        await using var sf = await SfSandbox.StartAsync();
        sf.Emulator.Configure(s => s with { DailyApiLimit = 2 });
        var token = await sf.SignInAsync();

        var statuses = new int[3];
        HttpResponseMessage? last = null;
        JsonNode? lastBody = null;
        for (var i = 0; i < 3; i++) (statuses[i], lastBody, last) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);

        Assert.Equal(new[] { 200, 200, 403 }, statuses);
        Assert.Equal("TotalRequests Limit exceeded.", SfSandbox.AssertError(lastBody!, "REQUEST_LIMIT_EXCEEDED"));
        Assert.Equal("api-usage=2/2", last!.Headers.GetValues("Sforce-Limit-Info").Single());

        sf.Host.Context.Clock.Advance(TimeSpan.FromHours(25));
        token = await sf.SignInAsync();
        var (next, _, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);
        Assert.Equal(200, next);
    }

    [Fact]
    public async Task An_unknown_resource_is_404_and_a_write_method_is_405()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();

        var (missing, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/nothing/here", token);
        using var post = new HttpRequestMessage(HttpMethod.Post, SfSandbox.Version + "/limits");
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var posted = await sf.Main.SendAsync(post);

        Assert.Equal(404, missing);
        SfSandbox.AssertError(body, "NOT_FOUND");
        Assert.Equal(405, (int)posted.StatusCode);
        SfSandbox.AssertError(JsonNode.Parse(await posted.Content.ReadAsStringAsync())!, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task The_historical_OAuth_scheme_is_accepted_too()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, SfSandbox.Version + "/limits");
        request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + token);
        using var response = await sf.Main.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
    }
}
