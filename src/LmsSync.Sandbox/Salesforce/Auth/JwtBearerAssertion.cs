using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>
/// Checks a JWT bearer assertion the way Salesforce does (salesforce-api.md §2.3): RS256 only,
/// <c>iss</c> = consumer key, signature from the uploaded certificate, <c>aud</c> = the login host
/// this org accepts, <c>exp</c> in seconds, in the future and at most 3 minutes ahead.
/// Returns the subject (username) or the error Salesforce would send.
/// </summary>
internal static class JwtBearerAssertion
{
    /// <summary>How far ahead of now <c>exp</c> may be.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(3);

    public static (string? Subject, OAuthError? Error) Validate(string? assertion, string clientId, X509Certificate2 certificate, string acceptedAudience, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(assertion)) return (null, OAuthError.InvalidAssertion);
        var parts = assertion.Split('.');
        if (parts.Length != 3) return (null, OAuthError.InvalidAssertion);

        JsonDocument header, claims;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0]));
            claims = JsonDocument.Parse(Base64Url(parts[1]));
            signature = Base64Url(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, OAuthError.InvalidAssertion);
        }

        using (header)
        using (claims)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object || claims.RootElement.ValueKind != JsonValueKind.Object) return (null, OAuthError.InvalidAssertion);
            if (Text(header.RootElement, "alg") != "RS256") return (null, OAuthError.InvalidAssertion);

            // The issuer names the connected app, whose certificate then checks the signature.
            if (Text(claims.RootElement, "iss") != clientId) return (null, OAuthError.InvalidClientId);

            using var rsa = certificate.GetRSAPublicKey()!;
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return (null, OAuthError.InvalidAssertion);

            if (!AudienceMatches(claims.RootElement, acceptedAudience)) return (null, OAuthError.AudienceInvalid);

            // exp is whole seconds since the epoch; milliseconds land far in the future and are refused like a stale one.
            if (!claims.RootElement.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expSeconds))
            {
                return (null, OAuthError.InvalidAssertion);
            }
            var nowSeconds = now.ToUnixTimeSeconds();
            if (expSeconds <= nowSeconds || expSeconds > nowSeconds + (long)MaxLifetime.TotalSeconds) return (null, OAuthError.ExpiredAuthorizationCode);

            // "prn" is the legacy name of the subject claim, still accepted.
            var subject = Text(claims.RootElement, "sub") ?? Text(claims.RootElement, "prn");
            return subject is null ? (null, OAuthError.InvalidAssertion) : (subject, null);
        }
    }

    private static bool AudienceMatches(JsonElement claims, string accepted)
    {
        if (!claims.TryGetProperty("aud", out var aud)) return false;
        if (aud.ValueKind == JsonValueKind.String) return aud.GetString() == accepted;
        if (aud.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in aud.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == accepted) return true;
        }
        return false;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64Url(string text)
    {
        if (text.Length == 0 || text.Contains('=') || text.Contains('+') || text.Contains('/')) throw new FormatException("Not base64url.");
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("Not base64url.") };
        return Convert.FromBase64String(padded);
    }
}
