using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// A SCIM call that failed: the HTTP status, the service's own <c>scimType</c> and <c>detail</c>
    /// (from a SCIM error, an RFC 7807 problem, or plain text), and a message that says what to do next.
    /// Never carries the token.
    /// </summary>
    public sealed class ScimException : Exception
    {
        public ScimException(string operation, int statusCode, string? scimType, string? detail, string message, Exception? inner = null)
            : base(message, inner)
        {
            Operation = operation;
            StatusCode = statusCode;
            ScimType = scimType;
            Detail = detail;
        }

        /// <summary>Method and path (no query string), e.g. <c>PATCH /Users/2819c223</c>.</summary>
        public string Operation { get; }

        /// <summary>The HTTP status; 0 when no HTTP answer was had.</summary>
        public int StatusCode { get; }

        /// <summary>The SCIM error type (<c>uniqueness</c>, <c>invalidFilter</c>, …) when the service gave one.</summary>
        public string? ScimType { get; }

        /// <summary>The service's own words.</summary>
        public string? Detail { get; }

        /// <summary>A duplicate: 409 (RFC 7644 <c>uniqueness</c>, or an RFC 7807 problem with status 409).</summary>
        public bool IsConflict => StatusCode == 409;

        public bool IsNotFound => StatusCode == 404;

        public bool IsPreconditionFailed => StatusCode == 412;

        public bool IsUnauthorized => StatusCode == 401;

        /// <summary>Builds the exception from an error answer, whatever shape its body has.</summary>
        internal static ScimException FromResponse(string operation, int status, string? body)
        {
            string? scimType = null, detail = null;
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    if (ScimJson.Parse(body!) is JObject error)
                    {
                        scimType = ScimJson.String(error, "scimType");
                        // SCIM errors say "detail"; RFC 7807 problems say "detail" and "title"; others say "message".
                        detail = ScimJson.String(error, "detail") ?? ScimJson.String(error, "title") ?? ScimJson.String(error, "message");
                    }
                }
                catch (JsonException)
                {
                    // Not JSON (an HTML error page from a proxy): keep the start of it as the service's words.
                }
                if (detail == null && scimType == null) detail = Shorten(body!);
            }
            return new ScimException(operation, status, scimType, detail, Advice(operation, status, scimType, detail));
        }

        internal static ScimException Unreadable(string operation, int status, Exception inner) => new ScimException(operation, status, null, null,
            $"{operation} answered HTTP {status} with a body that is not valid SCIM JSON ({inner.Message}). " +
            "The answer was cut short or came from something other than the SCIM service (a proxy, a login page); check the base URL and try again.", inner);

        private static string Advice(string operation, int status, string? scimType, string? detail)
        {
            var said = detail == null ? "" : $": {detail}";
            var type = scimType == null ? "" : $" ({scimType})";
            switch (status)
            {
                case 400 when scimType == "invalidFilter":
                    return $"{operation} was refused: the service does not accept the filter{said}. The service may not support filtering on this attribute.";
                case 400:
                    return $"{operation} was refused as invalid{type}{said}. Check the mapped values and that the service supports the attributes being sent.";
                case 401:
                    return $"{operation} was refused with HTTP 401{said}: the SCIM bearer token is wrong, expired or revoked. Issue a new token in the LMS's SCIM (provisioning) settings and update the connection.";
                case 403:
                    return $"{operation} was refused with HTTP 403{said}: the token is valid but may not do this. Give the token's integration the provisioning (user and group write) permission.";
                case 404:
                    return $"{operation} found nothing (HTTP 404){said}. The user or group may have been deleted in the LMS; read the LMS again before retrying.";
                case 409:
                    return $"{operation} conflicts with an existing resource (HTTP 409{type}){said}. A user or group with this userName/displayName already exists: match it instead of creating a new one.";
                case 412:
                    return $"{operation} was refused with HTTP 412: the resource changed since it was read (ETag mismatch), also after one re-read{said}. Run again.";
                case 413:
                    return $"{operation} was too large for the service (HTTP 413{type}){said}. Lower the batch size; the client keeps within the advertised bulk limits.";
                case 429:
                    return $"{operation} was rate limited (HTTP 429){said} and retries ran out. Lower MaxConcurrency or run again later.";
                case 501:
                    return $"{operation} is not implemented by this SCIM service (HTTP 501){said}.";
                default:
                    if (status >= 500) return $"{operation} failed on the SCIM service's side (HTTP {status}){said}. Safe calls were retried; run again later, and tell the LMS vendor if it persists.";
                    return $"{operation} failed with HTTP {status}{type}{said}.";
            }
        }

        private static string Shorten(string text)
        {
            var trimmed = text.Trim();
            return trimmed.Length <= 300 ? trimmed : trimmed.Substring(0, 300) + "…";
        }
    }
}
