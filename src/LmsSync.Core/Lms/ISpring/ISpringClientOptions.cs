using System;
using System.Net.Http;
using System.Security;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>Where and how <see cref="ISpringClient"/> talks to iSpring Learn. Defaults are stated in docs/lms/ispring.md.</summary>
    public sealed class ISpringClientOptions
    {
        /// <summary>
        /// The API host, e.g. <c>https://api-learn.ispringlearn.com</c> (older accounts), <c>https://api-learn.ispringlearn.eu</c>,
        /// or <c>https://api-learn.ispring.com</c> (new accounts). https only (plain http only to this machine).
        /// </summary>
        public string BaseUrl { get; set; } = "";

        /// <summary>The API key's client id (not secret).</summary>
        public string ClientId { get; set; } = "";

        /// <summary>The API key's client secret; turned into text only to build the token request.</summary>
        public SecureString? ClientSecret { get; set; }

        /// <summary><c>pageSize</c> for paged lists (1..1000; the documented default is 1000).</summary>
        public int PageSize { get; set; } = ISpringCapabilities.DefaultPageSize;

        /// <summary>
        /// The custom profile field that holds the user's Salesforce Id, by name (<c>USER_DEFINED_FIELD1</c>) or label
        /// ("Salesforce Id"); null = the account keeps none and Salesforce Ids are not written.
        /// </summary>
        public string? SalesforceIdField { get; set; }

        /// <summary>Used as <c>invitationMessage</c> when a create asks for the welcome email without its own message.</summary>
        public string? DefaultInvitationMessage { get; set; }

        public ISpringGroupJoinMode GroupJoinMode { get; set; } = ISpringGroupJoinMode.RewriteMembers;

        public ISpringGroupLeaveMode GroupLeaveMode { get; set; } = ISpringGroupLeaveMode.UserGroupsRemove;

        /// <summary>How many read-write-verify rounds a member-list rewrite gets when someone else keeps changing the group.</summary>
        public int MaxGroupWriteAttempts { get; set; } = 3;

        /// <summary>User ids per bulk call (<c>/users/activate</c>, <c>/users/deactivate</c>, department moves); no limit is documented.</summary>
        public int BulkBatchSize { get; set; } = 500;

        /// <summary>
        /// The most requests in flight at once, and the engine's number of workers. No rate limit is documented, so the
        /// client starts at 4 and grows toward this while iSpring keeps up, halving on 429/503/Retry-After
        /// (<see cref="ISpringClient.Concurrency"/>). At 4 or less the limit starts there and never grows.
        /// </summary>
        public int MaxConcurrentRequests { get; set; } = ISpringCapabilities.DefaultMaxConcurrentRequests;

        /// <summary>Sign in again this long before the token's stated expiry, rather than waiting for a 401.</summary>
        public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Retries of safe requests on 408/429/5xx/dropped connections, honouring Retry-After.</summary>
        public RetryPolicy RetryPolicy { get; set; } = new RetryPolicy();

        /// <summary>The innermost handler (a proxy-aware handler, or a test double); null = an HttpClientHandler allowed <see cref="MaxConcurrentRequests"/> connections to the host.</summary>
        public HttpMessageHandler? InnerHandler { get; set; }

        /// <summary>Where the client says why it slowed down (a lowered limit on requests in flight); null = nowhere.</summary>
        public IActivityLog? Log { get; set; }

        /// <summary>The client's clock, for token expiry.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(ClientId)) throw new ArgumentException("ClientId is required: the client id of an iSpring Learn API key (Account settings → API).");
            if (ClientSecret == null || ClientSecret.Length == 0) throw new ArgumentException("ClientSecret is required: the client secret of the iSpring Learn API key.");
            if (PageSize < 1 || PageSize > 1000) throw new ArgumentException($"PageSize must be 1..1000, not {PageSize}.");
            if (MaxGroupWriteAttempts < 1) throw new ArgumentException("MaxGroupWriteAttempts must be at least 1.");
            if (BulkBatchSize < 1) throw new ArgumentException("BulkBatchSize must be at least 1.");
            if (MaxConcurrentRequests < 1) throw new ArgumentException("MaxConcurrentRequests must be at least 1.");
        }
    }
}
