using System;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>What went wrong with a SkyPrep call, as far as the client can tell.</summary>
    public enum SkyPrepErrorKind
    {
        /// <summary>401/403: the API key is wrong, revoked, lacks permission, or this IP is not allowed.</summary>
        Authentication,
        /// <summary>200 with an HTML page: the account key (domain) or the URL is wrong.</summary>
        WrongAccount,
        /// <summary>404: no such user, group or method.</summary>
        NotFound,
        /// <summary>409: the email (or group name) is taken.</summary>
        Duplicate,
        /// <summary>400/422: SkyPrep refused the values sent.</summary>
        Validation,
        /// <summary>429 after the retries ran out, or a Retry-After longer than the client will wait.</summary>
        RateLimited,
        /// <summary>5xx after the retries ran out.</summary>
        Server,
        /// <summary>No answer: connection refused or dropped, DNS, TLS, or a timeout, after the retries ran out.</summary>
        Unreachable,
        /// <summary>An answer the client cannot read (cut short, not JSON, an error with status 200, …).</summary>
        UnexpectedResponse,
    }

    /// <summary>
    /// A SkyPrep call failed. Carries the HTTP status, the method and SkyPrep's own error text; the message
    /// says what to do next. Never contains the API key.
    /// </summary>
    public sealed class SkyPrepException : Exception
    {
        public SkyPrepException(SkyPrepErrorKind kind, string method, int statusCode, string? lmsMessage, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            Method = method;
            StatusCode = statusCode;
            LmsMessage = lmsMessage;
        }

        public SkyPrepErrorKind Kind { get; }

        /// <summary>The RPC method called, e.g. <c>create_user</c>.</summary>
        public string Method { get; }

        /// <summary>The HTTP status (200 for an error SkyPrep reported in a 200 answer).</summary>
        public int StatusCode { get; }

        /// <summary>SkyPrep's own error text, when it gave one.</summary>
        public string? LmsMessage { get; }
    }
}
