using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceSignInTests
{
    [Fact]
    public async Task Jwt_bearer_on_the_login_host_returns_the_documented_token_response()
    {
        await using var sf = await SfSandbox.StartAsync();

        var (status, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt()));

        Assert.Equal(200, status);
        Assert.StartsWith(sf.Emulator.OrgId.Substring(0, 15) + "!", (string)body["access_token"]!);
        Assert.Equal(sf.Host.BaseUrl, (string?)body["instance_url"]);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Matches("^[0-9]{13}$", (string)body["issued_at"]!);
        Assert.Matches($"^{sf.Host.Context.LoginUrl}/id/{sf.Emulator.OrgId}/005[0-9A-Za-z]{{15}}$", (string)body["id"]!);
        Assert.Contains("api", ((string)body["scope"]!).Split(' '));
        Assert.False(body.ContainsKey("expires_in"));
        Assert.False(body.ContainsKey("refresh_token"));
    }

    [Fact]
    public async Task Jwt_bearer_also_works_on_the_my_domain_host_with_the_login_audience()
    {
        await using var sf = await SfSandbox.StartAsync();
        var (status, _) = await sf.TokenAsync(false, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt()));
        Assert.Equal(200, status);
    }

    public static TheoryData<string, string> JwtFailures() => new()
    {
        { "bad signature", "invalid assertion" },
        { "wrong audience", "audience is invalid" },
        { "my domain audience", "audience is invalid" },
        { "expired", "expired authorization code" },
        { "exp more than 3 minutes ahead", "expired authorization code" },
        { "exp in milliseconds", "expired authorization code" },
        { "unknown user", "user hasn't approved this consumer" },
        { "inactive user", "inactive user" },
        { "HS256", "invalid assertion" },
        { "not a JWT", "invalid assertion" },
    };

    [Theory]
    [MemberData(nameof(JwtFailures))]
    public async Task Jwt_bearer_refusals_use_invalid_grant_with_the_documented_text(string failure, string description)
    {
        await using var sf = await SfSandbox.StartAsync();
        var now = sf.Emulator.Clock.UtcNow;
        using var otherKey = RSA.Create(2048);
        var assertion = failure switch
        {
            "bad signature" => sf.Jwt(key: otherKey),
            "wrong audience" => sf.Jwt(aud: "https://test.salesforce.com"),
            "my domain audience" => sf.Jwt(aud: sf.Host.BaseUrl),
            "expired" => sf.Jwt(exp: now.AddSeconds(-5).ToUnixTimeSeconds()),
            "exp more than 3 minutes ahead" => sf.Jwt(exp: now.AddMinutes(4).ToUnixTimeSeconds()),
            "exp in milliseconds" => sf.Jwt(exp: now.AddMinutes(2).ToUnixTimeMilliseconds()),
            "unknown user" => sf.Jwt(sub: "nobody@sandbox.example.com"),
            "inactive user" => sf.Jwt(sub: "inactive@sandbox.example.com"),
            "HS256" => sf.Jwt(alg: "HS256"),
            _ => "not-a-jwt",
        };

        var (status, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", assertion));

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Equal(description, (string?)body["error_description"]);
    }

    [Fact]
    public async Task Jwt_with_another_issuer_is_an_unknown_client()
    {
        await using var sf = await SfSandbox.StartAsync();
        var (status, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt(iss: "3MVG9-not-this-app")));
        Assert.Equal(400, status);
        Assert.Equal("invalid_client_id", (string?)body["error"]);
        Assert.Equal("client identifier invalid", (string?)body["error_description"]);
    }

    [Fact]
    public async Task A_sandbox_org_accepts_the_test_audience_and_refuses_the_login_one()
    {
        await using var sf = await SfSandbox.StartAsync();
        sf.Emulator.Configure(s => s with { AcceptedAudience = SalesforceSettings.SandboxAudience });

        var (ok, _) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt(aud: "https://test.salesforce.com")));
        var (refused, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt(aud: "https://login.salesforce.com")));

        Assert.Equal(200, ok);
        Assert.Equal(400, refused);
        Assert.Equal("audience is invalid", (string?)body["error_description"]);
    }

    [Fact]
    public async Task Jwt_expiry_is_judged_by_the_sandbox_clock_not_the_machine_clock()
    {
        await using var sf = await SfSandbox.StartAsync();
        var realExp = DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds();
        sf.Host.Context.Clock.Advance(TimeSpan.FromHours(1));

        var (stale, body) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt(exp: realExp)));
        var (fresh, _) = await sf.TokenAsync(true, ("grant_type", SfSandbox.JwtGrant), ("assertion", sf.Jwt()));

        Assert.Equal(400, stale);
        Assert.Equal("expired authorization code", (string?)body["error_description"]);
        Assert.Equal(200, fresh);
    }

    [Fact]
    public async Task Client_credentials_on_my_domain_issue_a_token_for_the_run_as_user_with_body_or_basic_credentials()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;

        var (inBody, body) = await sf.TokenAsync(false, ("grant_type", "client_credentials"), ("client_id", c.ClientId), ("client_secret", c.ClientSecret));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "client_credentials") }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(c.ClientId + ":" + c.ClientSecret)));
        using var basic = await sf.Main.SendAsync(request);

        Assert.Equal(200, inBody);
        Assert.Equal(200, (int)basic.StatusCode);
        Assert.Equal("opaque", (string?)body["token_format"]);
        Assert.Equal("api", (string?)body["scope"]);
        Assert.False(string.IsNullOrEmpty((string?)body["signature"]));
        var userId = sf.Emulator.FindSession((string)body["access_token"]!)!.UserId;
        Assert.EndsWith("/" + userId, (string)body["id"]!);
        Assert.Equal(SalesforceCredentialsUsername, sf.Emulator.FindSession((string)body["access_token"]!)!.Username);
    }

    private const string SalesforceCredentialsUsername = LmsSync.Sandbox.Salesforce.Auth.SalesforceCredentials.IntegrationUsername;

    [Fact]
    public async Task Client_credentials_on_the_login_host_are_not_supported_on_this_domain()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;
        var (status, body) = await sf.TokenAsync(true, ("grant_type", "client_credentials"), ("client_id", c.ClientId), ("client_secret", c.ClientSecret));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Equal("request not supported on this domain", (string?)body["error_description"]);
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_or_id_or_no_run_as_user_are_refused()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;

        var (_, wrongSecret) = await sf.TokenAsync(false, ("grant_type", "client_credentials"), ("client_id", c.ClientId), ("client_secret", "nope"));
        var (_, wrongId) = await sf.TokenAsync(false, ("grant_type", "client_credentials"), ("client_id", "3MVGnope"), ("client_secret", c.ClientSecret));
        sf.Emulator.Configure(s => s with { ClientCredentialsUser = null });
        var (_, noRunAs) = await sf.TokenAsync(false, ("grant_type", "client_credentials"), ("client_id", c.ClientId), ("client_secret", c.ClientSecret));

        Assert.Equal("invalid_client", (string?)wrongSecret["error"]);
        Assert.Equal("invalid client credentials", (string?)wrongSecret["error_description"]);
        Assert.Equal("invalid_client_id", (string?)wrongId["error"]);
        Assert.Equal("no client credentials user enabled", (string?)noRunAs["error_description"]);
    }

    [Fact]
    public async Task Password_flow_needs_the_security_token_appended_and_can_be_blocked()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;
        (string, string)[] Form(string password) => new[]
        {
            ("grant_type", "password"), ("client_id", c.ClientId), ("client_secret", c.ClientSecret), ("username", c.Username), ("password", password),
        };

        var (ok, body) = await sf.TokenAsync(true, Form(c.Password + c.SecurityToken));
        var (noToken, noTokenBody) = await sf.TokenAsync(true, Form(c.Password));
        sf.Emulator.Configure(s => s with { PasswordFlowBlocked = true });
        var (blocked, blockedBody) = await sf.TokenAsync(true, Form(c.Password + c.SecurityToken));

        Assert.Equal(200, ok);
        Assert.False(string.IsNullOrEmpty((string?)body["signature"]));
        Assert.Equal(400, noToken);
        Assert.Equal("authentication failure", (string?)noTokenBody["error_description"]);
        Assert.Equal(400, blocked);
        Assert.Equal("invalid_grant", (string?)blockedBody["error"]);
        Assert.Equal("authentication failure", (string?)blockedBody["error_description"]);
    }

    [Fact]
    public async Task Refresh_token_returns_an_access_token_without_a_new_refresh_token_unless_rotation_is_on()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;

        var (ok, plain) = await sf.TokenAsync(true, ("grant_type", "refresh_token"), ("client_id", c.ClientId), ("refresh_token", c.RefreshToken));
        Assert.Equal(200, ok);
        Assert.False(plain.ContainsKey("refresh_token"));

        sf.Emulator.Configure(s => s with { RefreshTokenRotation = true });
        var (_, rotated) = await sf.TokenAsync(true, ("grant_type", "refresh_token"), ("client_id", c.ClientId), ("refresh_token", c.RefreshToken));
        var successor = (string)rotated["refresh_token"]!;
        Assert.NotEqual(c.RefreshToken, successor);

        // Replaying the spent token is refused and burns the chain, successor included.
        var (_, replay) = await sf.TokenAsync(true, ("grant_type", "refresh_token"), ("client_id", c.ClientId), ("refresh_token", c.RefreshToken));
        var (_, afterReplay) = await sf.TokenAsync(true, ("grant_type", "refresh_token"), ("client_id", c.ClientId), ("refresh_token", successor));
        Assert.Equal("expired access/refresh token", (string?)replay["error_description"]);
        Assert.Equal("expired access/refresh token", (string?)afterReplay["error_description"]);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_an_expired_refresh_token()
    {
        await using var sf = await SfSandbox.StartAsync();
        var c = sf.Emulator.Credentials;
        using var revoke = await sf.Login.PostAsync("/services/oauth2/revoke", new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("token", c.RefreshToken) }));

        var (status, body) = await sf.TokenAsync(true, ("grant_type", "refresh_token"), ("client_id", c.ClientId), ("refresh_token", c.RefreshToken));

        Assert.Equal(200, (int)revoke.StatusCode);
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Equal("expired access/refresh token", (string?)body["error_description"]);
    }

    [Fact]
    public async Task An_unknown_grant_type_or_a_json_body_is_an_unsupported_grant_type()
    {
        await using var sf = await SfSandbox.StartAsync();
        var (status, body) = await sf.TokenAsync(true, ("grant_type", "authorization_kode"));
        using var json = await sf.Login.PostAsync("/services/oauth2/token", new StringContent("{\"grant_type\":\"password\"}", Encoding.UTF8, "application/json"));
        var jsonBody = JsonNode.Parse(await json.Content.ReadAsStringAsync())!;

        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", (string?)body["error"]);
        Assert.Equal("grant type not supported", (string?)body["error_description"]);
        Assert.Equal(400, (int)json.StatusCode);
        Assert.Equal("unsupported_grant_type", (string?)jsonBody["error"]);
    }
}
