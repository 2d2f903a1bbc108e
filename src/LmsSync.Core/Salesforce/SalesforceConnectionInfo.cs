using System;
using LmsSync.Core.Salesforce.Api;

namespace LmsSync.Core.Salesforce
{
    /// <summary>What <see cref="SalesforceClient.ConnectAsync"/> found: who is signed in, where, and the API allowance.</summary>
    public sealed class SalesforceConnectionInfo
    {
        public SalesforceConnectionInfo(Uri instanceUrl, string? organizationId, string? userId, string apiVersion, long? dailyApiRequestsMax, long? dailyApiRequestsRemaining, ApiUsage? apiUsage)
        {
            InstanceUrl = instanceUrl;
            OrganizationId = organizationId;
            UserId = userId;
            ApiVersion = apiVersion;
            DailyApiRequestsMax = dailyApiRequestsMax;
            DailyApiRequestsRemaining = dailyApiRequestsRemaining;
            ApiUsage = apiUsage;
        }

        public Uri InstanceUrl { get; }

        public string? OrganizationId { get; }

        public string? UserId { get; }

        public string ApiVersion { get; }

        /// <summary>From <c>/limits</c> DailyApiRequests, when the user may read limits.</summary>
        public long? DailyApiRequestsMax { get; }

        public long? DailyApiRequestsRemaining { get; }

        /// <summary>From the last response's Sforce-Limit-Info header.</summary>
        public ApiUsage? ApiUsage { get; }

        public override string ToString() => $"Salesforce {InstanceUrl.GetLeftPart(UriPartial.Authority)} (org {OrganizationId}, API v{ApiVersion})";
    }
}
