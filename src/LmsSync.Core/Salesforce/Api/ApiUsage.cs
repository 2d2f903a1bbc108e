using System.Globalization;
using System.Text.RegularExpressions;

namespace LmsSync.Core.Salesforce.Api
{
    /// <summary>
    /// The org's rolling 24-hour API usage as Salesforce reports it on every response in
    /// <c>Sforce-Limit-Info: api-usage=25/5000; per-app-api-usage=17/250(appName=X)</c>.
    /// </summary>
    public sealed class ApiUsage
    {
        public const string HeaderName = "Sforce-Limit-Info";

        private static readonly Regex OrgUsage = new Regex(@"(?<![\w-])api-usage\s*=\s*(\d+)\s*/\s*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex AppUsage = new Regex(@"per-app-api-usage\s*=\s*(\d+)\s*/\s*(\d+)(?:\s*\(\s*appName\s*=\s*([^)]*)\))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public ApiUsage(long used, long max, long? appUsed = null, long? appMax = null, string? appName = null)
        {
            Used = used;
            Max = max;
            AppUsed = appUsed;
            AppMax = appMax;
            AppName = appName;
        }

        /// <summary>API requests used in the last 24 hours, org-wide.</summary>
        public long Used { get; }

        /// <summary>The org's 24-hour allocation.</summary>
        public long Max { get; }

        /// <summary>Requests used by this connected app, when the app has its own cap.</summary>
        public long? AppUsed { get; }

        public long? AppMax { get; }

        public string? AppName { get; }

        /// <summary>Used / Max, 0 when Max is 0.</summary>
        public double Fraction => Max <= 0 ? 0 : (double)Used / Max;

        /// <summary>The header's usage, or null when the header is absent or unreadable (never throws: it is informational).</summary>
        public static ApiUsage? Parse(string? header)
        {
            if (string.IsNullOrWhiteSpace(header)) return null;
            var org = OrgUsage.Match(header);
            if (!org.Success || !TryLong(org.Groups[1].Value, out var used) || !TryLong(org.Groups[2].Value, out var max)) return null;
            var app = AppUsage.Match(header);
            if (app.Success && TryLong(app.Groups[1].Value, out var appUsed) && TryLong(app.Groups[2].Value, out var appMax))
            {
                var name = app.Groups[3].Success ? app.Groups[3].Value.Trim() : null;
                return new ApiUsage(used, max, appUsed, appMax, string.IsNullOrEmpty(name) ? null : name);
            }
            return new ApiUsage(used, max);
        }

        public override string ToString()
        {
            var text = string.Format(CultureInfo.InvariantCulture, "{0}/{1} ({2:0.#} %)", Used, Max, Fraction * 100);
            if (AppUsed is long appUsed && AppMax is long appMax)
                text += string.Format(CultureInfo.InvariantCulture, "; this app {0}/{1}{2}", appUsed, appMax, AppName == null ? "" : " (" + AppName + ")");
            return text;
        }

        private static bool TryLong(string text, out long value) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
