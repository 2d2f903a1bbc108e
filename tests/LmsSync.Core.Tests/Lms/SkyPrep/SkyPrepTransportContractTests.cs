using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>The wire: credentials, errors, retries, throttling and fault injection, against the emulator.</summary>
public sealed class SkyPrepTransportContractTests(SkyPrepSandboxFixture fixture) : SkyPrepTestBase(fixture)
{
    private static readonly SkyPrepUserFields NewUser = new() { Email = "new@acme.example.com", FirstName = "New", LastName = "User" };

    private int UserCount => Emulator.State.Users().Count;

    // ---- credentials ----

    [Fact]
    public async Task Keys_travel_in_a_form_POST_body_never_in_the_query_string()
    {
        using var client = Client();
        await client.TestConnectionAsync();

        var sent = Assert.Single(Wire);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("", sent.Uri.Query);
        Assert.EndsWith("/skyprep/admin/api/test_connection", sent.Uri.AbsolutePath);
        Assert.Contains("api_key=" + Emulator.ApiKey, sent.Body);
        Assert.Contains("acct_key=" + Emulator.AcctKey, sent.Body);
        Assert.Equal("application/json", sent.Headers["Accept"]);
    }

    [Fact]
    public async Task Keys_can_travel_in_the_SkyPrep_headers_instead()
    {
        using var client = Client(o => o.CredentialPlacement = SkyPrepCredentialPlacement.Headers);
        await client.TestConnectionAsync();

        var sent = Assert.Single(Wire);
        Assert.Equal(Emulator.ApiKey, sent.Headers["X-SkyPrep-API-Key"]);
        Assert.Equal(Emulator.AcctKey, sent.Headers["X-SkyPrep-Acct-Key"]);
        Assert.DoesNotContain("api_key", sent.Body);
    }

    [Fact]
    public async Task The_emulator_also_takes_deprecated_GET_with_query_keys_and_answers_xml_on_request()
    {
        using var http = new HttpClient();
        var url = $"{Emulator.Url(Host.Context)}/admin/api/test_connection?api_key={Emulator.ApiKey}&acct_key={Emulator.AcctKey}";

        var json = await http.GetStringAsync(url);
        using var xml = await http.GetAsync(url + "&format=xml");

        Assert.Equal("{\"message\":\"success\"}", json);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<message>success</message>", await xml.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_keys_are_refused_with_a_JSON_message()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Emulator.Url(Host.Context) + "/admin/api/get_users", new FormUrlEncodedContent(new[] { KeyValuePair("acct_key", Emulator.AcctKey) }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"message\":\"api_key is required.\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_account_key_gets_an_HTML_page_which_the_client_names()
    {
        using var client = Client(o => o.AcctKey = "someone-else.skyprepapp.com");

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.TestConnectionAsync());

        Assert.Equal((SkyPrepErrorKind.WrongAccount, 200), (error.Kind, error.StatusCode));
        Assert.Contains("Check the API key and account key", error.Message);
        Assert.Single(Calls("test_connection"));
    }

    [Fact]
    public async Task A_wrong_account_key_can_be_a_JSON_error_instead()
    {
        Emulator.Behaviour.WrongAcctKeyAnswersHtml = false;
        using var client = Client(o => o.AcctKey = "someone-else.skyprepapp.com");

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.TestConnectionAsync());

        Assert.Equal((SkyPrepErrorKind.Authentication, "Invalid account key."), (error.Kind, error.LmsMessage));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_bad_API_key_is_Authentication_not_retried_and_never_quoted(int status)
    {
        Emulator.Behaviour.BadApiKeyStatus = status;
        using var client = Client(o => o.ApiKey = Secure("not-the-key-0123456789"));

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.ReadUsers().ReadPageAsync());

        Assert.Equal((SkyPrepErrorKind.Authentication, status, "Invalid API key."), (error.Kind, error.StatusCode, error.LmsMessage));
        Assert.Contains("Check the API key and account key", error.Message);
        Assert.DoesNotContain("not-the-key", error.ToString());
        Assert.Single(Calls("get_users"));
    }

    [Fact]
    public async Task A_key_revoked_mid_run_fails_the_next_call_with_401()
    {
        using var client = Client();
        await client.TestConnectionAsync();

        Emulator.RotateApiKey();
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.GetUserAsync(1));

        Assert.Equal((SkyPrepErrorKind.Authentication, 401), (error.Kind, error.StatusCode));
    }

    [Fact]
    public void Options_refuse_plain_http_off_this_machine_a_URL_as_account_key_and_a_missing_key()
    {
        Assert.Contains("http://", Assert.Throws<ArgumentException>(() => new SkyPrepClient(new SkyPrepClientOptions { BaseUrl = "http://api.skyprep.io", ApiKey = Secure("k"), AcctKey = "a.skyprepapp.com" })).Message);
        Assert.Contains("without scheme", Assert.Throws<ArgumentException>(() => new SkyPrepClient(new SkyPrepClientOptions { ApiKey = Secure("k"), AcctKey = "https://a.skyprepapp.com" })).Message);
        Assert.Contains("API key is missing", Assert.Throws<ArgumentException>(() => new SkyPrepClient(new SkyPrepClientOptions { AcctKey = "a.skyprepapp.com" })).Message);
    }

    // ---- retries and faults ----

    [Fact]
    public async Task A_429_with_Retry_After_on_a_read_is_waited_out_exactly()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_users", Times = 1, StatusCode = 429, Body = "{\"message\":\"slow down\"}", Headers = { ["Retry-After"] = "7" } });
        using var client = Client();

        var page = await client.ReadUsers().ReadPageAsync();

        Assert.Equal(5, page!.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, RetryWaits);
        Assert.Equal(2, Calls("get_users").Count);
    }

    [Fact]
    public async Task A_429_on_a_write_is_waited_out_and_sent_again_once_done()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user", Times = 1, StatusCode = 429, Headers = { ["Retry-After"] = "3" } });
        using var client = Client();

        await client.CreateUserAsync(NewUser, false);

        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, RetryWaits);
        Assert.Equal(6, UserCount);
        Assert.Equal(new[] { 429, 200 }, Calls("create_user").Select(c => c.Status));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_RateLimited_and_says_how_long()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user", StatusCode = 429, Headers = { ["Retry-After"] = "3600" } });
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(NewUser, false));

        Assert.Equal(SkyPrepErrorKind.RateLimited, error.Kind);
        Assert.Contains("3600 s", error.Message);
        Assert.Empty(RetryWaits);
    }

    [Fact]
    public async Task The_emulators_own_limit_answers_429_with_Retry_After_which_the_client_honours()
    {
        Emulator.Behaviour.RateLimitPerMinute = 5;
        using var client = Client(o => o.RequestsPerMinute = 1000);   // a client that does not throttle itself

        for (var i = 0; i < 8; i++) await client.GetUserAsync(1);

        var statuses = Calls("get_user").Select(c => c.Status).ToList();
        Assert.Equal(8, statuses.Count(s => s == 200));
        Assert.Contains(429, statuses);
        Assert.All(RetryWaits, w => Assert.InRange(w.TotalSeconds, 1, 60));
    }

    [Fact]
    public async Task The_rate_limit_status_and_Retry_After_are_switches()
    {
        Emulator.Behaviour.RateLimitPerMinute = 1;
        Emulator.Behaviour.RateLimitStatus = 503;
        Emulator.Behaviour.RateLimitSendsRetryAfter = false;
        using var http = new HttpClient();
        var form = () => new FormUrlEncodedContent(new[] { KeyValuePair("api_key", Emulator.ApiKey), KeyValuePair("acct_key", Emulator.AcctKey) });

        using var first = await http.PostAsync(Emulator.Url(Host.Context) + "/admin/api/test_connection", form());
        using var second = await http.PostAsync(Emulator.Url(Host.Context) + "/admin/api/test_connection", form());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Null(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task One_hundred_fifty_calls_at_a_low_limit_never_draw_a_429()
    {
        Emulator.Behaviour.RateLimitPerMinute = 10;
        using var client = Client(o => o.RequestsPerMinute = 10);
        var started = Host.Context.Clock.UtcNow;

        for (var i = 0; i < 150; i++) await client.TestConnectionAsync();

        var statuses = Calls("test_connection").Select(c => c.Status).ToList();
        Assert.Equal(150, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Empty(RetryWaits);
        // 15 windows' worth of calls: at least 14 minutes of (virtual) waiting, in however many waits.
        Assert.True(Host.Context.Clock.UtcNow - started >= TimeSpan.FromMinutes(14));
        Assert.True(ThrottleWaits.Count >= 14);
    }

    [Fact]
    public async Task Calls_are_single_flight_even_when_the_caller_runs_them_concurrently()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_user", Kind = FaultKind.None, DelayMs = 30 });
        using var client = Client();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetUserAsync(2)));

        var calls = Calls("get_user").OrderBy(c => c.Time).ToList();
        Assert.Equal(6, calls.Count);
        // Logged when each finished: one at a time means each started after the one before had finished.
        for (var i = 1; i < calls.Count; i++)
            Assert.True(calls[i].Time - TimeSpan.FromMilliseconds(calls[i].DurationMs) >= calls[i - 1].Time - TimeSpan.FromMilliseconds(5), $"call {i} overlapped call {i - 1}");
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried_but_on_a_write_is_not()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_users", Times = 2, StatusCode = 503, Body = "{\"message\":\"maintenance\"}" });
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user", StatusCode = 502 });
        using var client = Client();

        var page = await client.ReadUsers().ReadPageAsync();
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(NewUser, false));

        Assert.Equal(5, page!.Count);
        Assert.Equal(3, Calls("get_users").Count);
        Assert.Equal((SkyPrepErrorKind.Server, 502), (error.Kind, error.StatusCode));
        Assert.Single(Calls("create_user"));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_on_a_read_and_Unreachable_on_a_write()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_user_groups", Times = 1, Kind = FaultKind.DropConnection });
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user_group", Kind = FaultKind.DropConnection });
        using var client = Client();

        Assert.Equal(2, (await client.ListGroupsAsync()).Count);
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateGroupAsync("Ops"));

        Assert.Equal((SkyPrepErrorKind.Unreachable, 0), (error.Kind, error.StatusCode));
        Assert.Contains("Check the SkyPrep URL", error.Message);
    }

    [Fact]
    public async Task A_body_cut_short_is_read_again_on_a_read_and_reported_on_a_write()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_users", Times = 1, Kind = FaultKind.MalformedBody });
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user", Times = 1, Kind = FaultKind.MalformedBody });
        using var client = Client();

        var users = await ReadAll(client.ReadUsers());
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(NewUser, false));

        Assert.Equal(5, users.Count);
        Assert.Equal(2, Calls("get_users").Count);
        Assert.Equal(SkyPrepErrorKind.UnexpectedResponse, error.Kind);
        Assert.Contains("not valid JSON", error.Message);
        Assert.Single(Calls("create_user"));   // it may have been applied: not sent again
        Assert.Equal(6, UserCount);
    }

    // ---- error shapes ----

    [Theory]
    [InlineData(SkyPrepErrorShape.Message)]
    [InlineData(SkyPrepErrorShape.Error)]
    [InlineData(SkyPrepErrorShape.Errors)]
    public async Task Every_error_shape_yields_SkyPreps_words(SkyPrepErrorShape shape)
    {
        Emulator.Behaviour.ErrorShape = shape;
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateGroupAsync("Sales"));

        Assert.Equal("Name has already been taken.", error.LmsMessage);
    }

    [Theory]
    [InlineData(SkyPrepErrorShape.Message)]
    [InlineData(SkyPrepErrorShape.Errors)]
    public async Task Errors_reported_with_status_200_are_errors_for_calls_that_return_a_record(SkyPrepErrorShape shape)
    {
        Emulator.Behaviour.ErrorShape = shape;
        Emulator.Behaviour.ValidationStatus = 200;
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(new SkyPrepUserFields { Email = "bad", FirstName = "B", LastName = "A" }, false));

        Assert.Equal((SkyPrepErrorKind.UnexpectedResponse, 200), (error.Kind, error.StatusCode));
        Assert.Equal("Email 'bad' is invalid.", error.LmsMessage);
    }

    [Fact]
    public async Task Errors_with_status_200_in_the_errors_shape_are_errors_for_acknowledged_writes_too()
    {
        Emulator.Behaviour.ErrorShape = SkyPrepErrorShape.Errors;
        Emulator.Behaviour.NotFoundStatus = 200;
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.AddUserToGroupAsync(999, 2));

        Assert.Equal("User group not found.", error.LmsMessage);
    }

    [Fact]
    public async Task Retry_events_and_errors_never_carry_the_key()
    {
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/get_users", Times = 1, StatusCode = 503 });
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/skyprep/admin/api/create_user", StatusCode = 400, Body = "{\"message\":\"bad key " + Emulator.ApiKey + "\"}" });
        using var client = Client();

        await client.ReadUsers().ReadPageAsync();
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(NewUser, false));

        Assert.NotEmpty(Retries);
        Assert.All(Retries, e => Assert.DoesNotContain(Emulator.ApiKey, e.ToString()));
        Assert.DoesNotContain(Emulator.ApiKey, error.ToString());
        Assert.Equal("bad key ***", error.LmsMessage);
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);
}
