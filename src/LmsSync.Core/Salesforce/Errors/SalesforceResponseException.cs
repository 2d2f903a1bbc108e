namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// Salesforce (or something in front of it: a proxy, a maintenance page) answered with a body the
    /// client could not read — HTML, truncated or malformed JSON. The message carries the status,
    /// content type and a sanitized start of the body.
    /// </summary>
    public sealed class SalesforceResponseException : SalesforceException
    {
        public SalesforceResponseException(string message, int statusCode, string? contentType, string bodyStart)
            : base(message)
        {
            StatusCode = statusCode;
            ContentType = contentType;
            BodyStart = bodyStart;
        }

        public int StatusCode { get; }

        public string? ContentType { get; }

        /// <summary>The first ~200 characters of the body, whitespace collapsed and tokens redacted.</summary>
        public string BodyStart { get; }
    }
}
