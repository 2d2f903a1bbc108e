using System;
using LmsSync.Core.Http;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// Where sign-in happens and what it implies: the token endpoint (login, test or My Domain host)
    /// and the JWT audience, which depends on production vs sandbox — never on the token host.
    /// </summary>
    public sealed class LoginTarget
    {
        public const string ProductionAudience = "https://login.salesforce.com";
        public const string SandboxAudience = "https://test.salesforce.com";
        public const string TokenPath = "/services/oauth2/token";

        private LoginTarget(Uri loginUrl, string audience)
        {
            LoginUrl = loginUrl;
            Audience = audience;
            TokenEndpoint = new Uri(loginUrl, TokenPath);
        }

        /// <summary>The login URL as given (scheme and authority only).</summary>
        public Uri LoginUrl { get; }

        public Uri TokenEndpoint { get; }

        /// <summary>The JWT <c>aud</c>: https://login.salesforce.com or https://test.salesforce.com (or the override).</summary>
        public string Audience { get; }

        /// <summary>True for login.salesforce.com and test.salesforce.com, the shared hosts that refuse client credentials.</summary>
        public bool IsGenericLoginHost => IsGeneric(LoginUrl.Host);

        public bool IsSandbox => Audience == SandboxAudience;

        /// <param name="loginUrl">https://login.salesforce.com, https://test.salesforce.com or the org's My Domain URL.</param>
        /// <param name="audienceOverride">An explicit JWT audience (e.g. an Experience Cloud site URL); null derives it.</param>
        public static LoginTarget From(string loginUrl, string? audienceOverride = null)
        {
            var uri = EndpointGuard.RequireSecure(loginUrl, "The Salesforce login URL");
            if (uri.AbsolutePath.Length > 1 && !uri.AbsolutePath.StartsWith(TokenPath, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"The Salesforce login URL '{uri.GetLeftPart(UriPartial.Authority)}{uri.AbsolutePath}' has a path; give only the host, e.g. https://login.salesforce.com or https://yourdomain.my.salesforce.com.");
            var root = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
            string audience;
            if (string.IsNullOrWhiteSpace(audienceOverride))
            {
                audience = IsSandboxHost(root.Host) ? SandboxAudience : ProductionAudience;
            }
            else
            {
                var aud = EndpointGuard.RequireSecure(audienceOverride!, "The JWT audience");
                audience = aud.GetLeftPart(UriPartial.Authority);
            }
            return new LoginTarget(root, audience);
        }

        /// <summary>
        /// test.salesforce.com, and sandbox My Domains: <c>acme--uat.sandbox.my.salesforce.com</c>
        /// (enhanced domains) or <c>acme--uat.my.salesforce.com</c> (older form) — the <c>--</c> marks a sandbox.
        /// </summary>
        public static bool IsSandboxHost(string host)
        {
            host = host.ToLowerInvariant();
            if (host == "test.salesforce.com") return true;
            if (host.EndsWith(".sandbox.my.salesforce.com", StringComparison.Ordinal)) return true;
            var firstLabel = host.Split('.')[0];
            return firstLabel.Contains("--") && host.EndsWith(".salesforce.com", StringComparison.Ordinal);
        }

        private static bool IsGeneric(string host) =>
            string.Equals(host, "login.salesforce.com", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(host, "test.salesforce.com", StringComparison.OrdinalIgnoreCase);
    }
}
