using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>How a <see cref="ScimClient"/> reaches one SCIM 2.0 service provider, and the choices the RFC leaves open.</summary>
    public sealed class ScimClientOptions
    {
        /// <summary>The service's SCIM base URL, ending before <c>/Users</c> (e.g. <c>https://lms.example.com/scim/v2</c>). https, or http to loopback only.</summary>
        public string BaseUrl { get; set; } = "";

        /// <summary>The bearer token. Read only when a request is built; never logged.</summary>
        public SecureString? Token { get; set; }

        /// <summary>
        /// Optional: called once when the service answers 401 (token expired or revoked) to get a fresh token;
        /// the refused request is then sent again. Null = a 401 fails the call with advice to issue a new token.
        /// </summary>
        public Func<CancellationToken, Task<SecureString>>? RefreshToken { get; set; }

        /// <summary>Retries of safe requests on 408/429/5xx/dropped connections; Retry-After is honoured.</summary>
        public RetryPolicy RetryPolicy { get; set; } = new RetryPolicy();

        /// <summary>The <c>count</c> asked for per page when listing; capped by the service's <c>filter.maxResults</c>.</summary>
        public int PageSize { get; set; } = ScimCapabilities.DefaultPageSize;

        /// <summary>
        /// The most requests in flight at once: pages read ahead, single writes when <c>/Bulk</c> is not used, the engine's
        /// workers. SCIM defines no rate limit, so the client starts at 4 and grows toward this while the service keeps up,
        /// halving on 429/503/Retry-After (<see cref="ScimClient.Concurrency"/>). At 4 or less the limit starts there and never grows.
        /// </summary>
        public int MaxConcurrency { get; set; } = ScimCapabilities.DefaultMaxConcurrency;

        /// <summary>Use <c>/Bulk</c> for many creates/updates when the service advertises it (default true).</summary>
        public bool UseBulk { get; set; } = true;

        /// <summary>
        /// A vendor-specific attribute that switches the welcome email on create, as a full path
        /// <c>&lt;extension schema URN&gt;:&lt;attribute&gt;</c> (e.g. <c>urn:acme:scim:schemas:extension:lms:2.0:User:sendWelcomeEmail</c>).
        /// SCIM has no standard one; null (the default) = the client never asks for a welcome email and
        /// refuses a create that does (the service decides; most provision silently).
        /// </summary>
        public string? WelcomeEmailAttribute { get; set; }

        /// <summary>How <c>active</c> is switched (deactivate/reactivate). Default: with <c>path</c>, falling back once to the path-less form.</summary>
        public ScimActiveStyle ActiveStyle { get; set; } = ScimActiveStyle.Auto;

        /// <summary>Where the client says why it slowed down (a lowered limit on requests in flight); null = nowhere.</summary>
        public IActivityLog? Log { get; set; }

        /// <summary>Tests and hosts may put their own handler under the retry layer; null = an HttpClientHandler allowed <see cref="MaxConcurrency"/> connections to the host.</summary>
        public HttpMessageHandler? InnerHandler { get; set; }

        internal void Validate()
        {
            EndpointGuard.RequireSecure(BaseUrl, "SCIM base URL");
            if (Token == null || Token.Length == 0) throw new ArgumentException("A SCIM bearer token is required: create one in the LMS's SCIM/provisioning settings and pass it as a SecureString.");
            if (PageSize < 1) throw new ArgumentException($"PageSize must be at least 1, not {PageSize}.");
            if (MaxConcurrency < 1) throw new ArgumentException($"MaxConcurrency must be at least 1, not {MaxConcurrency}.");
            if (WelcomeEmailAttribute != null) ScimAttributePath.Parse(WelcomeEmailAttribute);
        }
    }

    /// <summary>The PATCH form that sets <c>active</c>.</summary>
    public enum ScimActiveStyle
    {
        /// <summary><c>{"op":"replace","path":"active","value":false}</c>; on a 400, once <c>{"op":"replace","value":{"active":false}}</c>, remembered for the client's lifetime.</summary>
        Auto,
        /// <summary>Always <c>{"op":"replace","path":"active","value":…}</c> (RFC 7644 §3.5.2.3).</summary>
        WithPath,
        /// <summary>Always <c>{"op":"replace","value":{"active":…}}</c> (the form Okta sends and GitHub documents).</summary>
        WithoutPath,
    }
}
