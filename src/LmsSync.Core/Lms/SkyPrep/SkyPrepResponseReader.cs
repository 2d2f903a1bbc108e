using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Turns one SkyPrep answer into JSON or a <see cref="SkyPrepException"/> whose message says what to do.
    /// The error body shape is undocumented [I], so <c>{"message"}</c>, <c>{"error"}</c>, <c>{"errors":[…]}</c>
    /// and short plain text are all read.
    /// </summary>
    internal static class SkyPrepResponseReader
    {
        private const int MaxQuotedText = 300;

        /// <param name="scrub">Removes anything secret from SkyPrep's error text before it is quoted.</param>
        public static JToken Read(string method, int status, string? mediaType, string body, int tries, Func<string?, string?> scrub)
        {
            if (status >= 200 && status < 300) return ReadSuccess(method, status, mediaType, body);
            throw Failure(method, status, scrub(ErrorText(body)), tries, null);
        }

        public static bool LooksLikeHtml(string? mediaType, string body)
        {
            if (mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            var start = body.TrimStart();
            return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        }

        private static JToken ReadSuccess(string method, int status, string? mediaType, string body)
        {
            if (LooksLikeHtml(mediaType, body))
            {
                // Seen in the field: a wrong acct_key gets the account's web page with 200, not an API error.
                throw new SkyPrepException(SkyPrepErrorKind.WrongAccount, method, status, null,
                    $"SkyPrep answered {method} with an HTML page instead of JSON. Check the API key and account key " +
                    "(the account key is your platform domain, e.g. acme.skyprepapp.com) and the SkyPrep URL.");
            }
            if (string.IsNullOrWhiteSpace(body)) return JValue.CreateNull();
            try
            {
                return Parse(body);
            }
            catch (JsonException e)
            {
                throw new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, method, status, null,
                    $"SkyPrep's answer to {method} is not valid JSON (it may have been cut short). Run again; " +
                    "if it keeps happening, check for a proxy rewriting responses.", e);
            }
        }

        public static JToken Parse(string body)
        {
            using (var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None })
            {
                var token = JToken.ReadFrom(reader);
                // JToken.ReadFrom stops after the first value; trailing garbage means the body is not what we think.
                if (reader.Read()) throw new JsonReaderException("Unexpected content after the JSON value.");
                return token;
            }
        }

        /// <summary>The exception for a failed status, with the message that fits it.</summary>
        public static SkyPrepException Failure(string method, int status, string? lmsMessage, int tries, TimeSpan? retryAfter)
        {
            var said = lmsMessage == null ? $"HTTP {status}" : $"HTTP {status}: {lmsMessage}";
            switch (status)
            {
                case 401:
                case 403:
                    return new SkyPrepException(SkyPrepErrorKind.Authentication, method, status, lmsMessage,
                        $"SkyPrep refused the credentials for {method} ({said}). Check the API key and account key, " +
                        "the key's permissions, and SkyPrep's IP allowlist for this machine.");
                case 404:
                    return new SkyPrepException(SkyPrepErrorKind.NotFound, method, status, lmsMessage,
                        $"SkyPrep found nothing for {method} ({said}). If the record exists, the method or parameter " +
                        "name may differ on your account: see the SkyPrep wire names in docs/lms/skyprep.md.");
                case 409:
                    return new SkyPrepException(SkyPrepErrorKind.Duplicate, method, status, lmsMessage,
                        $"SkyPrep already has this record ({method}, {said}). Match the existing user or group instead of creating it.");
                case 400:
                case 422:
                    return new SkyPrepException(SkyPrepErrorKind.Validation, method, status, lmsMessage,
                        $"SkyPrep refused the values sent to {method} ({said}). Fix the values (or the mapping that produced them) and run again.");
                case 429:
                    var wait = retryAfter is TimeSpan w ? $"; it asked to wait {Math.Ceiling(w.TotalSeconds)} s" : "";
                    return new SkyPrepException(SkyPrepErrorKind.RateLimited, method, status, lmsMessage,
                        $"SkyPrep's rate limit was hit on {method} ({said}{wait}) after {tries} tries. Another script on this IP " +
                        "may be calling SkyPrep (the limit is 100 calls a minute per IP); run again later.");
                default:
                    if (status >= 500)
                    {
                        return new SkyPrepException(SkyPrepErrorKind.Server, method, status, lmsMessage,
                            $"SkyPrep failed on {method} ({said}) after {tries} tries. Try again later; if it persists, contact SkyPrep support.");
                    }
                    return new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, method, status, lmsMessage,
                        $"SkyPrep answered {method} with {said}, which the client does not expect. Check the SkyPrep URL.");
            }
        }

        /// <summary>SkyPrep's own words from an error body, or null; HTML pages are not quoted.</summary>
        public static string? ErrorText(string body)
        {
            if (string.IsNullOrWhiteSpace(body) || LooksLikeHtml(null, body)) return null;
            JToken token;
            try
            {
                token = Parse(body);
            }
            catch (JsonException)
            {
                return Shorten(body.Trim());
            }
            return MessageOf(token);
        }

        /// <summary>The error text inside a JSON value: <c>message</c>, <c>error</c>, <c>errors</c> (string, array or object).</summary>
        public static string? MessageOf(JToken token)
        {
            switch (token)
            {
                case JValue value when value.Type == JTokenType.String:
                    return Shorten((string?)value);
                case JArray array:
                    var parts = array.Select(MessageOf).Where(p => !string.IsNullOrEmpty(p)).ToList();
                    return parts.Count == 0 ? null : Shorten(string.Join("; ", parts));
                case JObject obj:
                    foreach (var name in new[] { "message", "error", "errors", "error_message" })
                    {
                        if (obj.TryGetValue(name, StringComparison.OrdinalIgnoreCase, out var inner) && inner.Type != JTokenType.Null)
                        {
                            if (inner is JObject fields)
                                return Shorten(string.Join("; ", fields.Properties().Select(p => p.Name + " " + MessageOf(p.Value))));
                            return MessageOf(inner);
                        }
                    }
                    return null;
                default:
                    return null;
            }
        }

        private static string? Shorten(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            return text!.Length <= MaxQuotedText ? text : text.Substring(0, MaxQuotedText) + "…";
        }
    }
}
