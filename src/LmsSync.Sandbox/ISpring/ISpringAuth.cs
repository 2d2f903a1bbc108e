using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// The OAuth client-credentials side: one API key (client id + secret, generated per start), opaque access
/// tokens that expire on the Sandbox clock, and the check every API call goes through. Both
/// <c>Authorization: Bearer &lt;t&gt;</c> and the bare <c>Authorization: &lt;t&gt;</c> of older doc samples are accepted.
/// </summary>
public sealed class ISpringAuth(SandboxClock clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public string ClientId { get; } = "ispring-" + RandomNumberGenerator.GetHexString(12, lowercase: true);
    public string ClientSecret { get; } = RandomNumberGenerator.GetHexString(40, lowercase: true);

    /// <summary>How many tokens were handed out since start (tests assert single-flight re-sign-in with it).</summary>
    public int TokensIssued => System.Threading.Volatile.Read(ref _issued);

    public bool CredentialsMatch(string? clientId, string? clientSecret) =>
        clientId is not null && clientSecret is not null
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(clientId), System.Text.Encoding.UTF8.GetBytes(ClientId))
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(clientSecret), System.Text.Encoding.UTF8.GetBytes(ClientSecret));

    public string Issue(TimeSpan lifetime)
    {
        var token = RandomNumberGenerator.GetHexString(48, lowercase: true);
        _tokens[token] = clock.UtcNow + lifetime;
        System.Threading.Interlocked.Increment(ref _issued);
        return token;
    }

    /// <summary>Every token stops working at once (as when an admin deletes the API key's sessions).</summary>
    public void RevokeAll() => _tokens.Clear();

    /// <summary>Null when the request carries a live token; otherwise why not.</summary>
    public string? Reject(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0) return "Authorization header is missing; send Authorization: Bearer <access token> from POST /api/v3/token.";
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : header;
        if (!_tokens.TryGetValue(token, out var expires)) return "Access token is invalid.";
        if (clock.UtcNow >= expires)
        {
            _tokens.TryRemove(token, out _);
            return "Access token has expired.";
        }
        return null;
    }
}
