using System;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>Salesforce did not answer in time (after the retries a safe request gets).</summary>
    public sealed class SalesforceTimeoutException : SalesforceException
    {
        public SalesforceTimeoutException(string message, Exception inner) : base(message, inner)
        {
        }
    }

    /// <summary>Salesforce could not be reached at all (DNS, refused or dropped connections, TLS).</summary>
    public sealed class SalesforceConnectionException : SalesforceException
    {
        public SalesforceConnectionException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
