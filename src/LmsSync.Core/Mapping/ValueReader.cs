using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Mapping
{
    /// <summary>Turns one raw Salesforce value into mapped text: date format, then transforms; blank becomes null.</summary>
    internal static class ValueReader
    {
        private static readonly string[] DateOnlyFormats = { "yyyy-MM-dd" };

        [MethodImpl(Jit.Optimized)]
        public static string? Read(object? raw, ValueMapping mapping)
        {
            var text = mapping.DateFormat != null ? FormatDate(raw, mapping.DateFormat) : SalesforceValue.ToText(raw);
            if (IsBlank(text)) return null;
            return Transform(text!, mapping);
        }

        public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        [MethodImpl(Jit.Optimized)]
        public static string Transform(string text, ValueMapping mapping)
        {
            var transforms = mapping.Transforms;
            for (var i = 0; i < transforms.Count; i++)
            {
                switch (transforms[i])
                {
                    case FieldTransform.Trim: text = text.Trim(); break;
                    case FieldTransform.Lower: if (HasCase(text, upper: true)) text = text.ToLowerInvariant(); break;
                    case FieldTransform.Upper: if (HasCase(text, upper: false)) text = text.ToUpperInvariant(); break;
                }
            }
            return text;
        }

        /// <summary>
        /// Whether the text has a letter that case conversion would change (any non-ASCII letter counts, to be
        /// safe): most values are already in case, and converting them anyway costs a string each.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private static bool HasCase(string text, bool upper)
        {
            foreach (var c in text)
            {
                if (c > 127) return true;
                if (upper ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z') return true;
            }
            return false;
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
