using System.Collections.Generic;
using LmsSync.Core.Salesforce.Api;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// <c>403 REQUEST_LIMIT_EXCEEDED</c>: the org's API allowance is used up. Not retried — more calls
    /// would only fail too; the run stops and says how much was used.
    /// </summary>
    public sealed class SalesforceLimitExceededException : SalesforceApiException
    {
        public SalesforceLimitExceededException(string salesforceMessage, IReadOnlyList<string> fields, string request, ApiUsage? usage)
            : base(403, "REQUEST_LIMIT_EXCEEDED", salesforceMessage, fields, request, Advise(usage))
        {
            Usage = usage;
        }

        /// <summary>The <c>Sforce-Limit-Info</c> reading on the refusing response, when it carried one.</summary>
        public ApiUsage? Usage { get; }

        private static string Advise(ApiUsage? usage)
        {
            var used = usage == null ? "Salesforce did not say how much was used" : "API usage " + usage;
            return $"{used}. The org's API request limit is exhausted: wait for the rolling 24-hour window to free calls, or ask the Salesforce admin for a higher allocation, then run again.";
        }
    }
}
