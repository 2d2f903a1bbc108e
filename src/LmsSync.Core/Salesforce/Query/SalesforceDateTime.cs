using System;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// Salesforce's own value forms, parsed by hand: datetimes <c>2026-09-30T21:20:00.000+0000</c>
    /// (no colon in the offset, which .NET's round-trip parsers reject) and dates <c>2026-09-30</c>.
    /// </summary>
    public static class SalesforceDateTime
    {
        /// <summary>True for exactly Salesforce's REST datetime form <c>yyyy-MM-ddTHH:mm:ss.fff±hhmm</c>.</summary>
        public static bool IsSalesforceDateTime(string text)
        {
            if (text == null || text.Length != 28 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
                text[19] != '.' || (text[23] != '+' && text[23] != '-')) return false;
            var chars = new StringText(text);
            return AllDigits(chars, 0, 4) && AllDigits(chars, 5, 2) && AllDigits(chars, 8, 2) && AllDigits(chars, 11, 2) && AllDigits(chars, 14, 2) &&
                   AllDigits(chars, 17, 2) && AllDigits(chars, 20, 3) && AllDigits(chars, 24, 4);
        }

        /// <summary>
        /// Parses a datetime in Salesforce's form, or the ISO forms a datetime field may also be written in
        /// (<c>…Z</c>, <c>…+00:00</c>, with or without milliseconds).
        /// </summary>
        public static bool TryParseDateTime(string text, out DateTimeOffset value)
        {
            value = default;
            return text != null && TryParseDateTime(new StringText(text), out value);
        }

        /// <summary><see cref="TryParseDateTime(string, out DateTimeOffset)"/> over characters that need not be a string (a CSV buffer's).</summary>
        [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization: called for every datetime of every record read
        internal static bool TryParseDateTime<T>(T text, out DateTimeOffset value) where T : struct, ICharText
        {
            value = default;
            if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') return false;
            if (!AllDigits(text, 0, 4) || !AllDigits(text, 5, 2) || !AllDigits(text, 8, 2) || !AllDigits(text, 11, 2) || !AllDigits(text, 14, 2) || !AllDigits(text, 17, 2)) return false;
            var i = 19;
            var ticks = 0L;
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && IsDigit(text[i])) i++;
                var digits = i - start;
                if (digits == 0 || digits > 7) return false;
                ticks = Number(text, start, digits);
                for (var d = digits; d < 7; d++) ticks *= 10;
            }
            TimeSpan offset;
            var rest = text.Length - i;
            if (rest == 1 && (text[i] == 'Z' || text[i] == 'z')) offset = TimeSpan.Zero;
            else if (rest == 5 && (text[i] == '+' || text[i] == '-') && AllDigits(text, i + 1, 4))
                offset = Offset(text[i], Number(text, i + 1, 2), Number(text, i + 3, 2));
            else if (rest == 6 && (text[i] == '+' || text[i] == '-') && AllDigits(text, i + 1, 2) && text[i + 3] == ':' && AllDigits(text, i + 4, 2))
                offset = Offset(text[i], Number(text, i + 1, 2), Number(text, i + 4, 2));
            else return false;

            try
            {
                var local = new DateTime((int)Number(text, 0, 4), (int)Number(text, 5, 2), (int)Number(text, 8, 2),
                    (int)Number(text, 11, 2), (int)Number(text, 14, 2), (int)Number(text, 17, 2), DateTimeKind.Unspecified).AddTicks(ticks);
                value = new DateTimeOffset(local, offset);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>Parses a date <c>yyyy-MM-dd</c> (no time zone: a calendar day).</summary>
        public static bool TryParseDate(string text, out DateTime value)
        {
            value = default;
            return text != null && TryParseDate(new StringText(text), out value);
        }

        /// <summary><see cref="TryParseDate(string, out DateTime)"/> over characters that need not be a string (a CSV buffer's).</summary>
        internal static bool TryParseDate<T>(T text, out DateTime value) where T : struct, ICharText
        {
            value = default;
            if (text.Length != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text, 0, 4) || !AllDigits(text, 5, 2) || !AllDigits(text, 8, 2)) return false;
            var year = (int)Number(text, 0, 4);
            var month = (int)Number(text, 5, 2);
            var day = (int)Number(text, 8, 2);
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            value = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            return true;
        }

        private static TimeSpan Offset(char sign, long hours, long minutes)
        {
            var span = new TimeSpan((int)hours, (int)minutes, 0);
            return sign == '-' ? span.Negate() : span;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool AllDigits<T>(T text, int start, int count) where T : struct, ICharText
        {
            if (start + count > text.Length) return false;
            for (var i = start; i < start + count; i++)
                if (!IsDigit(text[i])) return false;
            return true;
        }

        private static long Number<T>(T text, int start, int count) where T : struct, ICharText
        {
            var n = 0L;
            for (var i = start; i < start + count; i++) n = n * 10 + (text[i] - '0');
            return n;
        }
    }
}
