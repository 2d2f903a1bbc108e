using System;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// Base of every error the Salesforce client raises. Messages say what went wrong and what to do
    /// next, and never contain a secret (token, password, client secret, refresh token).
    /// </summary>
    public class SalesforceException : Exception
    {
        public SalesforceException(string message) : base(message)
        {
        }

        public SalesforceException(string message, Exception? inner) : base(message, inner)
        {
        }
    }
}
