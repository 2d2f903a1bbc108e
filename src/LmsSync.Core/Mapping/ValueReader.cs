using System;
using System.Globalization;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Mapping
{
    /// <summary>Turns one raw Salesforce value into mapped text: date format, then transforms; blank becomes null.</summary>
    internal static class ValueReader
    {
        private static readonly string[] DateOnlyFormats = { "yyyy-MM-dd" };

        public static string? Read(object? raw, ValueMapping mapping)
        {
            var text = mapping.DateFormat != null ? FormatDate(raw, mapping.DateFormat) : SalesforceValue.ToText(raw);
            if (IsBlank(text)) return null;
            return Transform(text!, mapping);
        }

        public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        public static string Transform(string text, ValueMapping mapping)
        {
            var transforms = mapping.Transforms;
            for (var i = 0; i < transforms.Count; i++)
            {
                switch (transforms[i])
                {
                    case FieldTransform.Trim: text = text.Trim(); break;
                    case FieldTransform.Lower: text = text.ToLowerInvariant(); break;
                    case FieldTransform.Upper: text = text.ToUpperInvariant(); break;
                }
            }
            return text;
        }

        private static string? FormatDate(object? raw, string format)
        {
            switch (raw)
            {
                case DateTime date: return date.ToString(format, CultureInfo.InvariantCulture);
                case DateTimeOffset instant: return instant.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
                case string s:
                    var trimmed = s.Trim();
                    if (DateTime.TryParseExact(trimmed, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                        return day.ToString(format, CultureInfo.InvariantCulture);
                    if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                        return parsed.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
                    return s;
                default: return SalesforceValue.ToText(raw);
            }
        }
    }
}
