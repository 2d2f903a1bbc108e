using System;
using System.Net;

namespace LmsSync.Core.Http
{
    /// <summary>Plain <c>http://</c> carries secrets in the clear: it is allowed only to this machine (the Sandbox, tests).</summary>
    public static class EndpointGuard
    {
        /// <summary>The URL as an absolute https URI (or loopback http); otherwise an ArgumentException that says what to fix.</summary>
        public static Uri RequireSecure(string url, string what)
        {
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
                throw new ArgumentException($"{what} '{url}' is not an absolute URL. Give it as https://host[/path].");
            if (uri.Scheme == Uri.UriSchemeHttps) return uri;
            if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)) return uri;
            if (uri.Scheme == Uri.UriSchemeHttp)
                throw new ArgumentException($"{what} '{uri.GetLeftPart(UriPartial.Authority)}' uses plain http://, which would send credentials unencrypted. Use https:// (plain http is allowed only to this machine).");
            throw new ArgumentException($"{what} '{url}' must be an https:// URL.");
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }
    }
}
