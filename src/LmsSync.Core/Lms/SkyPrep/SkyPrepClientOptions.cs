using System;
using System.Diagnostics;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>How to reach one SkyPrep account, and the choices the public docs leave open (defaults in docs/lms/skyprep.md).</summary>
    public sealed class SkyPrepClientOptions
    {
        /// <summary>The API host, e.g. <c>https://api.skyprep.io</c> (the client appends <c>/admin/api/&lt;method&gt;</c>).</summary>
        public string BaseUrl { get; set; } = "https://api.skyprep.io";

        /// <summary>The API key from SkyPrep's Customization tab. A secret: never logged or shown.</summary>
        public SecureString? ApiKey { get; set; }

        /// <summary>The platform domain without scheme, e.g. <c>acme.skyprepapp.com</c>. Not a secret.</summary>
        public string AcctKey { get; set; } = "";

        public SkyPrepCredentialPlacement CredentialPlacement { get; set; } = SkyPrepCredentialPlacement.Body;

        /// <summary>Calls allowed per <see cref="RateLimitWindow"/>; SkyPrep documents 100 a minute per source IP.</summary>
        public int RequestsPerMinute { get; set; } = SkyPrepCapabilities.RequestsPerMinute;

        public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Users or groups asked for per page (<see cref="SkyPrepPaging.PagePerPage"/>).</summary>
        public int PageSize { get; set; } = 100;

        public SkyPrepPaging Paging { get; set; } = SkyPrepPaging.PagePerPage;

        public SkyPrepDeactivation Deactivation { get; set; } = SkyPrepDeactivation.StatusParameter;

        /// <summary>Find by email: <c>get_user?user_email=</c> by default.</summary>
        public SkyPrepLookup EmailLookup { get; set; } = SkyPrepLookup.GetUserParameter;

        /// <summary>Find by Salesforce Id: scan by default (no public hint that <c>get_user</c> takes <c>user_identifier</c>).</summary>
        public SkyPrepLookup SalesforceIdLookup { get; set; } = SkyPrepLookup.Scan;

        public SkyPrepGroupsOfUser GroupsOfUser { get; set; } = SkyPrepGroupsOfUser.UserObject;

        public SkyPrepWireNames Names { get; set; } = new SkyPrepWireNames();

        /// <summary>Retries of transient failures (reads always; writes only after a 429, which means "not done").</summary>
        public RetryPolicy Retry { get; set; } = new RetryPolicy();

        /// <summary>The rate limiter's clock; tests move it instead of sleeping. Monotonic by default.</summary>
        public Func<DateTimeOffset> Now { get; set; } = MonotonicNow;

        /// <summary>How the rate limiter waits; tests replace it (and move <see cref="Now"/>) to run without sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> ThrottleDelay { get; set; } = (delay, token) => Task.Delay(delay, token);

        /// <summary>Told about every wait the rate limiter imposes (for verbose output).</summary>
        public Action<TimeSpan>? OnThrottle { get; set; }

        /// <summary>Throws an ArgumentException naming the first setting that is wrong and how to fix it.</summary>
        public Uri Validate()
        {
            var uri = EndpointGuard.RequireSecure(BaseUrl, "SkyPrep URL");
            if (ApiKey == null || ApiKey.Length == 0) throw new ArgumentException("The SkyPrep API key is missing. Copy it from SkyPrep's Customization tab (API section).");
            if (string.IsNullOrWhiteSpace(AcctKey) || AcctKey.Contains("://") || AcctKey.Contains("/"))
                throw new ArgumentException($"The SkyPrep account key '{AcctKey}' must be the platform domain without scheme or path, e.g. acme.skyprepapp.com.");
            if (RequestsPerMinute < 1) throw new ArgumentException("RequestsPerMinute must be at least 1.");
            if (RateLimitWindow <= TimeSpan.Zero) throw new ArgumentException("RateLimitWindow must be positive.");
            if (PageSize < 1) throw new ArgumentException("PageSize must be at least 1.");
            if (!CustomLabelFormatIsUsable(Names.CustomLabelParameterFormat))
                throw new ArgumentException("Names.CustomLabelParameterFormat must contain {0} (the label's name), e.g. custom_labels[{0}].");
            return uri;
        }

        private static bool CustomLabelFormatIsUsable(string format) => format != null && format.Contains("{0}");

        private static readonly DateTimeOffset MonotonicStart = DateTimeOffset.UtcNow;
        private static readonly Stopwatch Monotonic = Stopwatch.StartNew();

        // Wall-clock time can jump (NTP, DST on a misconfigured host); a stopwatch cannot.
        private static DateTimeOffset MonotonicNow() => MonotonicStart + Monotonic.Elapsed;
    }
}
