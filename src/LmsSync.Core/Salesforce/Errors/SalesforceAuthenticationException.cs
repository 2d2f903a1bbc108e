using System;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// Signing in failed, or Salesforce refused the session. <see cref="Error"/> and
    /// <see cref="ErrorDescription"/> are the token endpoint's own words (when it answered);
    /// <see cref="Advice"/> is the sentence saying what to fix.
    /// </summary>
    public sealed class SalesforceAuthenticationException : SalesforceException
    {
        public SalesforceAuthenticationException(string message, string? error, string? errorDescription, string advice, Exception? inner = null)
            : base(Compose(message, advice), inner)
        {
            Error = error;
            ErrorDescription = errorDescription;
            Advice = advice;
        }

        /// <summary>The OAuth <c>error</c> (e.g. <c>invalid_grant</c>), or null when the failure was not a token-endpoint answer.</summary>
        public string? Error { get; }

        /// <summary>The OAuth <c>error_description</c> (e.g. <c>audience is invalid</c>).</summary>
        public string? ErrorDescription { get; }

        public string Advice { get; }

        private static string Compose(string message, string advice) =>
            string.IsNullOrEmpty(advice) ? message : message + " " + advice;
    }
}
