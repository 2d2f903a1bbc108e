using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// Salesforce answered a REST call with an error body (<c>[{"errorCode":…,"message":…}]</c>).
    /// Carries the status, Salesforce's error code and its message unchanged, plus what to do.
    /// </summary>
    public class SalesforceApiException : SalesforceException
    {
        public SalesforceApiException(int statusCode, string errorCode, string salesforceMessage, IReadOnlyList<string> fields, string request, string advice)
            : base(Compose(statusCode, errorCode, salesforceMessage, request, advice))
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
            SalesforceMessage = salesforceMessage;
            Fields = fields;
        }

        public int StatusCode { get; }

        /// <summary>e.g. <c>INVALID_FIELD</c>, <c>MALFORMED_QUERY</c>, <c>INVALID_TYPE</c>, <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
        public string ErrorCode { get; }

        /// <summary>Salesforce's own message, unchanged.</summary>
        public string SalesforceMessage { get; }

        public IReadOnlyList<string> Fields { get; }

        private static string Compose(int status, string code, string message, string request, string advice)
        {
            var text = $"Salesforce refused {request}: {code} (HTTP {status}): {message}";
            return string.IsNullOrEmpty(advice) ? text : text + Environment.NewLine + advice;
        }
    }
}
