using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>Sign-in, token expiry and the retry behaviour, against the emulator's clock and fault injection.</summary>
public sealed class ISpringAuthAndResilienceTests : IClassFixture<ISpringSandboxFixture>
{
    private readonly ISpringSandboxFixture _sandbox;
    private readonly List<TimeSpan> _waits = new();

    public ISpringAuthAndResilienceTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task An_expired_token_is_renewed_on_the_401_and_the_call_goes_through()
    {
        using var client = _sandbox.Client();
        await client.GetProfileFieldsAsync();

        _sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(1801));
        var fields = await client.GetProfileFieldsAsync();

        Assert.NotEmpty(fields);
        Assert.Equal(2, client.SignIns);
        Assert.Equal(new[] { "POST /api/v3/token", "GET /user/profile/fields", "GET /user/profile/fields", "POST /api/v3/token", "GET /user/profile/fields" }, _sandbox.Calls());
    }

    [Fact]
    public async Task Many_concurrent_calls_that_hit_an_expired_token_sign_in_again_once()
    {
        using var client = _sandbox.Client(configure: o => o.MaxConcurrentRequests = 8);
        await client.SignInAsync();
        var issuedBefore = _sandbox.Emulator.Auth.TokensIssued;

        _sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(1801));
        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.GetRootDepartmentAsync()));

        Assert.Equal(2, client.SignIns);
        Assert.Equal(1, _sandbox.Emulator.Auth.TokensIssued - issuedBefore);
    }

    [Fact]
    public async Task Many_concurrent_first_calls_sign_in_once()
    {
        using var client = _sandbox.Client();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetProfileFieldsAsync()));

        Assert.Equal(1, client.SignIns);
        Assert.Equal(1, _sandbox.Calls().Count(c => c == "POST /api/v3/token"));
    }

    [Fact]
    public async Task A_token_near_its_stated_expiry_is_renewed_before_use_by_the_clients_clock()
    {
        var now = DateTimeOffset.UtcNow;
        using var client = _sandbox.Client(configure: o => o.Clock = () => now);
        await client.SignInAsync();

        now += TimeSpan.FromSeconds(1750);
        await client.GetProfileFieldsAsync();

        Assert.Equal(2, client.SignIns);
        Assert.DoesNotContain(_sandbox.Host.Context.Requests.Since(0, "ispring"), r => r.Status == 401);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_on_a_POST_too_and_the_POST_is_sent_once_more()
    {
        using var client = _sandbox.Client();
        await client.SignInAsync();
        _sandbox.Emulator.Auth.RevokeAll();

        await client.DeactivateUserAsync(_sandbox.UserId("ann.lee"));

        Assert.Equal(3, _sandbox.Store.GetUser(_sandbox.UserId("ann.lee")).User.Status);
        Assert.Equal(2, client.SignIns);
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_a_401_that_says_to_check_the_key_and_never_shows_the_secret()
    {
        using var client = _sandbox.Client(configure: o => o.ClientSecret = ISpringSandboxFixture.Secure("wrong-secret-value"));

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.GetProfileFieldsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("client id and secret", error.Message);
        Assert.DoesNotContain("wrong-secret-value", error.ToString());
        Assert.DoesNotContain(_sandbox.ClientSecret, error.ToString());
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_exactly()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2", Times = 2, StatusCode = 429, Headers = { ["Retry-After"] = "2" }, Body = "{\"code\":429,\"message\":\"Too many requests\"}" });
        using var client = _sandbox.Client(_waits);

        var page = await client.ReadUsers().ReadPageAsync();

        Assert.Equal(5, page!.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, _waits);
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/group/", Method = "GET", Times = 2, StatusCode = 503, Body = "<html>busy</html>", ContentType = "text/html" });
        using var client = _sandbox.Client(_waits);

        var group = await client.GetGroupAsync(_sandbox.GroupId("Onboarding"));

        Assert.Equal(2, group.UserIds.Count);
        Assert.Equal(3, _sandbox.Calls().Count(c => c.StartsWith("GET /group/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_5xx_on_create_is_not_retried_and_says_what_happened()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user$", Method = "POST", StatusCode = 502, Body = "<html>bad gateway</html>", ContentType = "text/html" });
        using var client = _sandbox.Client(_waits);
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId };
        user.Fields["login"] = "ivy";

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateUserAsync(user));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("bad gateway", error.LmsMessage);
        Assert.Contains("try again later", error.Message);
        Assert.Equal(1, _sandbox.Calls().Count(c => c == "POST /user"));
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_5xx_on_an_idempotent_write_is_retried()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "/status$", Times = 1, StatusCode = 500 });
        using var client = _sandbox.Client(_waits);

        await client.DeactivateUserAsync(_sandbox.UserId("bob.stone"));

        Assert.Equal(3, _sandbox.Store.GetUser(_sandbox.UserId("bob.stone")).User.Status);
        Assert.Single(_waits);
    }

    [Fact]
    public async Task A_truncated_body_on_a_read_is_fetched_again()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user/profile/fields", Times = 1, Kind = FaultKind.MalformedBody });
        using var client = _sandbox.Client();

        var fields = await client.GetProfileFieldsAsync();

        Assert.Contains(fields, f => f.Label == "Salesforce Id");
    }

    [Fact]
    public async Task A_body_that_stays_truncated_is_a_typed_error()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user/profile/fields", Kind = FaultKind.MalformedBody });
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.GetProfileFieldsAsync());

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("not the JSON expected", error.Message);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_on_a_read_and_a_typed_error_on_a_create()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/groups", Method = "GET", Times = 1, Kind = FaultKind.DropConnection });
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/group$", Method = "POST", Kind = FaultKind.DropConnection });
        using var client = _sandbox.Client(_waits);

        var groups = await client.ReadGroups().ReadAllAsync();
        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateGroupAsync("Dropped"));

        Assert.Equal(3, groups.Count);
        Assert.Equal("POST /group", error.Operation);
        Assert.Contains("could not be reached", error.Message);
        // One wait: the dropped GET was retried, the dropped create was not. (The Sandbox logs an aborted
        // request only when its pipeline unwinds, so counting log entries here would race.)
        Assert.Single(_waits);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ISpringClient(new ISpringClientOptions
        {
            BaseUrl = "http://api-learn.ispringlearn.com", ClientId = "id", ClientSecret = ISpringSandboxFixture.Secure("s"),
        }));

        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void Capabilities_are_documented_constants()
    {
        Assert.True(ISpringCapabilities.OneDepartmentPerUser);
        Assert.Equal(ISpringMembershipSemantics.ReplaceMembers, ISpringCapabilities.GroupMembership);
        Assert.True(ISpringCapabilities.WelcomeEmailSwitch);
        Assert.True(ISpringCapabilities.SalesforceIdFieldOptional);
        Assert.Equal(0, ISpringCapabilities.DocumentedRequestsPerMinute);
        Assert.Equal(32, new ISpringClientOptions().MaxConcurrentRequests);
    }
}
