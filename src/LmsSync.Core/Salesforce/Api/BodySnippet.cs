using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace LmsSync.Core.Salesforce.Api
{
    /// <summary>
    /// The start of a response body made safe to show in an error: at most ~200 characters, whitespace
    /// and control characters collapsed, and anything that looks like a Salesforce session id redacted.
    /// </summary>
    internal static class BodySnippet
    {
        public const int MaxLength = 200;

        // Salesforce session ids / access tokens: 15-char org id, '!', then a long opaque tail.
        private static readonly Regex SessionId = new Regex(@"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]{10,}", RegexOptions.CultureInvariant);
        private static readonly Regex BearerValue = new Regex(@"(?i)(bearer|access_token|refresh_token|client_secret|password)([""':=\s]+)[^\s""'&,}]+", RegexOptions.CultureInvariant);

        /// <param name="body">The raw body text.</param>
        /// <param name="secrets">Exact strings to redact (e.g. the current access token), when the caller holds them briefly.</param>
        public static string From(string? body, IEnumerable<string>? secrets = null)
        {
            if (string.IsNullOrEmpty(body)) return "(empty body)";
            var text = body!;
            if (secrets != null)
                foreach (var secret in secrets)
                    if (!string.IsNullOrEmpty(secret)) text = text.Replace(secret, "[redacted]");
            text = SessionId.Replace(text, "[redacted]");
            text = BearerValue.Replace(text, "$1$2[redacted]");

            var builder = new StringBuilder(MaxLength + 1);
            var lastWasSpace = false;
            var truncated = false;
            for (var i = 0; i < text.Length; i++)
            {
                if (builder.Length >= MaxLength)
                {
                    truncated = text.Substring(i).Trim().Length > 0;
                    break;
                }
                var c = text[i];
                var space = char.IsWhiteSpace(c) || char.IsControl(c);
                if (space)
                {
                    if (!lastWasSpace && builder.Length > 0) builder.Append(' ');
                }
                else
                {
                    builder.Append(c);
                }
                lastWasSpace = space;
            }
            var snippet = builder.ToString().TrimEnd();
            return truncated ? snippet + "…" : snippet;
        }
    }
}
