using System;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>The client id and secret of a token request, from the form body or an HTTP Basic header (both are allowed).</summary>
internal readonly record struct OAuthClient(string? Id, string? Secret)
{
    public static OAuthClient From(IFormCollection form, HttpRequest request)
    {
        string? id = NullIfEmpty(form["client_id"]), secret = NullIfEmpty(form["client_secret"]);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0)
                {
                    id ??= Uri.UnescapeDataString(decoded.Substring(0, colon));
                    secret ??= Uri.UnescapeDataString(decoded.Substring(colon + 1));
                }
            }
            catch (FormatException)
            {
                // A Basic header that is not base64 carries no credentials; the checks below refuse the request.
            }
        }
        return new OAuthClient(id, secret);
    }

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
