using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Bulk;

namespace LmsSync.Core.Salesforce
{
    /// <summary>What a <see cref="SalesforceClient"/> is created from.</summary>
    public sealed class SalesforceSettings
    {
        public const string DefaultApiVersion = "66.0";

        /// <summary>https://login.salesforce.com, https://test.salesforce.com, or the org's My Domain URL (required for client credentials).</summary>
        public string LoginUrl { get; set; } = "https://login.salesforce.com";

        /// <summary>The connected app's consumer key.</summary>
        public string ClientId { get; set; } = "";

        /// <summary>REST API version, e.g. <c>66.0</c> (a leading v is accepted).</summary>
        public string ApiVersion { get; set; } = DefaultApiVersion;

        public SalesforceCredential? Credential { get; set; }

        /// <summary>JWT audience override; null derives it from the login URL (test.salesforce.com for sandboxes, else login.salesforce.com).</summary>
        public string? Audience { get; set; }

        /// <summary>Default rows per query page (200–2000); null lets Salesforce choose (2000).</summary>
        public int? BatchSize { get; set; } = 2000;

        /// <summary>Retries of transient failures; null = the default policy (5 tries, exponential backoff with jitter).</summary>
        public RetryPolicy? RetryPolicy { get; set; }

        /// <summary>How Bulk API 2.0 query jobs are polled and downloaded.</summary>
        public BulkQuerySettings BulkQuery { get; set; } = new BulkQuerySettings();

        public IActivityLog? Log { get; set; }

        /// <summary>Replaces the network layer (tests); null = an HttpClientHandler with gzip/deflate decompression.</summary>
        public HttpMessageHandler? NetworkHandler { get; set; }

        /// <summary>The time used for JWT expiry; null = the system clock.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }

        internal string NormalizedApiVersion()
        {
            var version = (ApiVersion ?? "").Trim().TrimStart('v', 'V');
            if (!Regex.IsMatch(version, @"^\d{2,3}\.\d$"))
                throw new ArgumentException($"The Salesforce API version '{ApiVersion}' is not in the form 66.0.");
            return version;
        }

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(ClientId))
                throw new ArgumentException("The Salesforce client id (the connected app's consumer key) is required.");
            if (Credential == null)
                throw new ArgumentException("A Salesforce credential is required (JWT certificate, client secret, refresh token, or legacy password).");
            NormalizedApiVersion();
            Query.SalesforceQueryOptions.CheckBatchSize(BatchSize);
            if (BulkQuery == null) throw new ArgumentException("BulkQuery settings are required.");
            BulkQuery.Validate();
        }
    }
}
