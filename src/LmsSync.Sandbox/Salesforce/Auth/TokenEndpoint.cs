using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>
/// <c>POST /services/oauth2/token</c> on both hosts (salesforce-api.md §2.2–2.5, §2.8) and
/// <c>POST /services/oauth2/revoke</c>. Form-encoded in, JSON out; refusals per §2.9.
/// </summary>
internal sealed class TokenEndpoint(SalesforceEmulator emulator)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private const string FullScopes = "api refresh_token offline_access";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/services/oauth2/token", HandleTokenAsync);
        routes.MapPost("/services/oauth2/revoke", HandleRevokeAsync);
    }

    private async Task HandleTokenAsync(HttpContext http)
    {
        // Without the form content type Salesforce cannot see grant_type at all.
        if (!http.Request.HasFormContentType)
        {
            await WriteErrorAsync(http, OAuthError.UnsupportedGrantType);
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var outcome = (string?)form["grant_type"] switch
        {
            JwtBearerGrant => JwtBearer(form),
            "client_credentials" => ClientCredentials(http, form),
            "refresh_token" => RefreshToken(http, form),
            "password" => Password(http, form),
            _ => TokenOutcome.Fail(OAuthError.UnsupportedGrantType),
        };
        if (outcome.Error is not null) await WriteErrorAsync(http, outcome.Error);
        else await WriteTokenAsync(http, outcome);
    }

    private TokenOutcome JwtBearer(IFormCollection form)
    {
        var settings = emulator.Settings;
        var (subject, error) = JwtBearerAssertion.Validate(form["assertion"], emulator.Credentials.ClientId, emulator.Credentials.Certificate,
            settings.AcceptedAudience, emulator.Clock.UtcNow);
        if (error is not null) return TokenOutcome.Fail(error);
        // Every active user is pre-authorized for the app; an unknown username reads as "not approved", as on a real org.
        return SignIn(subject!, OAuthError.UserNotApproved, FullScopes, withSignature: false);
    }

    private TokenOutcome ClientCredentials(HttpContext http, IFormCollection form)
    {
        if (emulator.Context.IsLoginHost(http)) return TokenOutcome.Fail(OAuthError.NotSupportedOnThisDomain);
        var clientError = CheckClient(OAuthClient.From(form, http.Request), secretRequired: true);
        if (clientError is not null) return TokenOutcome.Fail(clientError);
        var runAs = emulator.Settings.ClientCredentialsUser;
        if (runAs is null) return TokenOutcome.Fail(OAuthError.NoClientCredentialsUser);
        // The flow never grants refresh_token/offline_access.
        return SignIn(runAs, OAuthError.NoClientCredentialsUser, "api", withSignature: true, tokenFormat: "opaque");
    }

    private TokenOutcome RefreshToken(HttpContext http, IFormCollection form)
    {
        var client = OAuthClient.From(form, http.Request);
        var clientError = CheckClient(client, secretRequired: false);
        if (clientError is not null) return TokenOutcome.Fail(clientError);
        var presented = OAuthClient.NullIfEmpty(form["refresh_token"]);
        var redemption = presented is null ? null : emulator.Tokens.Redeem(presented, emulator.Settings.RefreshTokenRotation);
        if (redemption is null) return TokenOutcome.Fail(OAuthError.ExpiredRefreshToken);
        var outcome = SignIn(redemption.Username, OAuthError.ExpiredRefreshToken, FullScopes, withSignature: true);
        return outcome with { RefreshToken = redemption.NewRefreshToken };
    }

    private TokenOutcome Password(HttpContext http, IFormCollection form)
    {
        var clientError = CheckClient(OAuthClient.From(form, http.Request), secretRequired: true);
        if (clientError is not null) return TokenOutcome.Fail(clientError);
        // A blocked flow looks exactly like bad credentials to the caller; only Login History tells them apart.
        if (emulator.Settings.PasswordFlowBlocked) return TokenOutcome.Fail(OAuthError.AuthenticationFailure);

        var credentials = emulator.Credentials;
        var username = (string?)form["username"];
        var password = (string?)form["password"];
        // Only the integration user has a password; from an untrusted IP it must carry the security token.
        if (!string.Equals(username, credentials.Username, StringComparison.OrdinalIgnoreCase)
            || !FixedTimeEquals(password, credentials.Password + credentials.SecurityToken))
        {
            return TokenOutcome.Fail(OAuthError.AuthenticationFailure);
        }
        return SignIn(username!, OAuthError.AuthenticationFailure, FullScopes, withSignature: true);
    }

    private OAuthError? CheckClient(OAuthClient client, bool secretRequired)
    {
        var credentials = emulator.Credentials;
        if (client.Id != credentials.ClientId) return OAuthError.InvalidClientId;
        if (client.Secret is null ? secretRequired : !FixedTimeEquals(client.Secret, credentials.ClientSecret)) return OAuthError.InvalidClientCredentials;
        return null;
    }

    private TokenOutcome SignIn(string username, OAuthError unknownUser, string scope, bool withSignature, string? tokenFormat = null)
    {
        var user = OrgUsers.FindByUsername(emulator.Org, username);
        if (user is null) return TokenOutcome.Fail(unknownUser);
        if (!user.IsActive) return TokenOutcome.Fail(OAuthError.InactiveUser);
        var token = emulator.Tokens.Issue(user.Id, user.Username, emulator.Clock.UtcNow);
        return new TokenOutcome(null, token, scope, withSignature, tokenFormat, null);
    }

    private async Task WriteTokenAsync(HttpContext http, TokenOutcome outcome)
    {
        var token = outcome.Token!;
        var id = $"{emulator.Context.LoginUrl}/id/{emulator.OrgId}/{token.UserId}";
        var issuedAt = token.IssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json;charset=UTF-8";
        http.Response.Headers.CacheControl = "no-cache,must-revalidate,max-age=0,no-store,private";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("access_token", token.AccessToken);
        if (outcome.RefreshToken is not null) json.WriteString("refresh_token", outcome.RefreshToken);
        if (outcome.WithSignature)
        {
            // HMAC-SHA256 of id + issued_at keyed by the consumer secret, so a client can check the response came from the org.
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(emulator.Credentials.ClientSecret), Encoding.UTF8.GetBytes(id + issuedAt));
            json.WriteString("signature", Convert.ToBase64String(signature));
        }
        json.WriteString("scope", outcome.Scope);
        if (outcome.TokenFormat is not null) json.WriteString("token_format", outcome.TokenFormat);
        json.WriteString("instance_url", emulator.Context.BaseUrl);
        json.WriteString("id", id);
        json.WriteString("token_type", "Bearer");
        json.WriteString("issued_at", issuedAt);
        json.WriteEndObject();
    }

    private async Task HandleRevokeAsync(HttpContext http)
    {
        string? token = null;
        if (http.Request.HasFormContentType) token = (string?)(await http.Request.ReadFormAsync(http.RequestAborted))["token"];
        token ??= http.Request.Query["token"];
        if (string.IsNullOrEmpty(token) || !emulator.Tokens.Revoke(token))
        {
            await WriteErrorAsync(http, OAuthError.InvalidRevokeToken);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    internal static async Task WriteErrorAsync(HttpContext http, OAuthError error)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json;charset=UTF-8";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("error", error.Error);
        json.WriteString("error_description", error.Description);
        json.WriteEndObject();
    }

    private static bool FixedTimeEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private sealed record TokenOutcome(OAuthError? Error, IssuedToken? Token, string Scope, bool WithSignature, string? TokenFormat, string? RefreshToken)
    {
        public static TokenOutcome Fail(OAuthError error) => new(error, null, "", false, null, null);
    }
}
