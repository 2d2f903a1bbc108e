using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>Every sign-in flow and its refusals, over real HTTP against the Sandbox's Salesforce emulator.</summary>
public sealed class SalesforceSignInSandboxTests : IAsyncLifetime
{
    private SandboxSalesforce _sf = null!;
    private readonly List<Exception> _errors = new();

    public async Task InitializeAsync() => _sf = await SandboxSalesforce.StartAsync();

    public async Task DisposeAsync()
    {
        // Whatever failed in this class, no secret may be in its message or in the activity log.
        var texts = _errors.Select(e => e.ToString()).Concat(_sf.Log.All).ToList();
        foreach (var secret in _sf.Secrets)
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        await _sf.DisposeAsync();
    }

    private async Task<SalesforceAuthenticationException> SignInFails(SalesforceClient client)
    {
        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());
        _errors.Add(error);
        return error;
    }

    [Fact]
    public async Task JWT_signs_in_at_the_login_host_and_calls_the_api_at_the_returned_instance_url()
    {
        using var credential = _sf.Jwt();
        using var client = _sf.Client(credential);

        var info = await client.ConnectAsync();

        Assert.Equal(new Uri(_sf.Host.BaseUrl + "/"), info.InstanceUrl);
        Assert.Equal(_sf.Emulator.OrgId, info.OrganizationId);
        Assert.NotNull(info.UserId);
        Assert.NotNull(info.DailyApiRequestsMax);
        Assert.NotNull(client.ApiUsage);
        Assert.Equal(1, _sf.Calls("/services/data/v66.0/limits"));
    }

    [Fact]
    public async Task JWT_signed_with_another_certificate_is_an_invalid_assertion()
    {
        using var other = TestCertificates.CreateRsa();
        using var credential = new JwtBearerCredential(_sf.Emulator.Credentials.Username, other);
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.Equal("invalid_grant", error.Error);
        Assert.Equal("invalid assertion", error.ErrorDescription);
        Assert.Contains("certificate uploaded to the connected app", error.Message);
    }

    [Fact]
    public async Task JWT_with_the_sandbox_audience_against_a_production_org_names_the_audience_to_use()
    {
        using var credential = _sf.Jwt();
        using var client = _sf.Client(credential, configure: s => s.Audience = "https://test.salesforce.com");

        var error = await SignInFails(client);

        Assert.Equal("audience is invalid", error.ErrorDescription);
        Assert.Contains("https://login.salesforce.com for production", error.Message);
    }

    [Fact]
    public async Task JWT_from_a_machine_whose_clock_is_wrong_is_expired_and_says_to_fix_the_clock()
    {
        using var credential = _sf.Jwt();
        using var client = _sf.Client(credential, configure: s => s.Clock = () => DateTimeOffset.UtcNow.AddMinutes(-30));

        var error = await SignInFails(client);

        Assert.Equal("expired authorization code", error.ErrorDescription);
        Assert.Contains("clock", error.Message);
    }

    [Fact]
    public async Task JWT_for_an_unknown_user_is_refused()
    {
        using var credential = _sf.Jwt("nobody@sandbox.example.com");
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("pre-authorized", error.Message);
    }

    [Fact]
    public async Task JWT_for_an_inactive_user_says_to_reactivate_it()
    {
        using var credential = _sf.Jwt("inactive@sandbox.example.com");
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.Equal("inactive user", error.ErrorDescription);
        Assert.Contains("Reactivate", error.Message);
    }

    [Fact]
    public async Task Client_credentials_sign_in_at_the_my_domain_host()
    {
        using var credential = _sf.ClientCredentials();
        using var client = _sf.Client(credential, myDomain: true);

        var info = await client.ConnectAsync();

        Assert.Equal(_sf.Emulator.OrgId, info.OrganizationId);
    }

    [Fact]
    public async Task Client_credentials_at_the_login_host_are_refused_with_the_my_domain_advice()
    {
        using var credential = _sf.ClientCredentials();
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.Equal("request not supported on this domain", error.ErrorDescription);
        Assert.Contains("My Domain", error.Message);
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_say_to_copy_the_consumer_secret()
    {
        using var credential = _sf.ClientCredentials("not-the-secret");
        using var client = _sf.Client(credential, myDomain: true);

        var error = await SignInFails(client);

        Assert.Equal("invalid_client", error.Error);
        Assert.DoesNotContain("not-the-secret", error.ToString());
    }

    [Fact]
    public async Task A_refresh_token_signs_in_and_a_revoked_one_says_to_sign_in_interactively_again()
    {
        using (var credential = _sf.RefreshToken())
        using (var client = _sf.Client(credential))
            Assert.Equal(_sf.Emulator.OrgId, (await client.ConnectAsync()).OrganizationId);

        _sf.Emulator.Tokens.RevokeAllRefreshTokens();
        using var revoked = _sf.RefreshToken();
        using var again = _sf.Client(revoked);

        var error = await SignInFails(again);

        Assert.Equal("expired access/refresh token", error.ErrorDescription);
        Assert.Contains("Sign in interactively again", error.Message);
    }

    [Fact]
    public async Task The_legacy_password_flow_works_and_warns()
    {
        using var credential = _sf.Password();
        using var client = _sf.Client(credential);

        await client.ConnectAsync();

        Assert.Contains(_sf.Log.Warnings, w => w.Contains("retiring"));
    }

    [Fact]
    public async Task The_password_flow_blocked_by_the_org_is_a_clear_error()
    {
        _sf.Emulator.Configure(s => s with { PasswordFlowBlocked = true });
        using var credential = _sf.Password();
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.Equal("authentication failure", error.ErrorDescription);
        Assert.Contains("JWT", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_never_echoed()
    {
        using var credential = _sf.Password("Wrong-Password-42");
        using var client = _sf.Client(credential);

        var error = await SignInFails(client);

        Assert.DoesNotContain("Wrong-Password-42", error.ToString());
        Assert.DoesNotContain(_sf.Log.All, t => t.Contains("Wrong-Password-42"));
    }
}
