using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// SOQL literals and names written safely: strings quoted and escaped, datetimes unquoted in UTC,
    /// field names checked. Every value put into SOQL goes through here.
    /// </summary>
    public static class SoqlLiteral
    {
        private static readonly Regex FieldPathPattern = new Regex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

        /// <summary>A quoted string: <c>O'Brien</c> → <c>'O\'Brien'</c>. Backslash, quotes and control characters are escaped.</summary>
        public static string String(string? value)
        {
            if (value == null) return "null";
            var builder = new StringBuilder(value.Length + 2).Append('\'');
            AppendEscaped(builder, value, escapeLikeWildcards: false);
            return builder.Append('\'').ToString();
        }

        /// <summary>A quoted LIKE pattern matching <paramref name="value"/> literally, wrapped in the given wildcards: LikeContains("50%") → <c>'%50\%%'</c>.</summary>
        public static string LikeContains(string value) => Like("%", value, "%");

        public static string LikeStartsWith(string value) => Like("", value, "%");

        public static string LikeEndsWith(string value) => Like("%", value, "");

        /// <summary>An unquoted UTC datetime: <c>2026-09-30T21:20:00Z</c> (milliseconds only when present).</summary>
        public static string DateTime(DateTimeOffset value)
        {
            var utc = value.UtcDateTime;
            var format = utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            return utc.ToString(format, CultureInfo.InvariantCulture);
        }

        /// <summary>An unquoted date: <c>2026-09-30</c>.</summary>
        public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string Boolean(bool value) => value ? "true" : "false";

        public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A parenthesized list of quoted strings for IN: <c>('a','b')</c>.</summary>
        public static string List(IEnumerable<string> values)
        {
            var items = values.Select(String).ToList();
            if (items.Count == 0) throw new ArgumentException("An IN list needs at least one value (SOQL has no empty list).", nameof(values));
            return "(" + string.Join(",", items) + ")";
        }

        /// <summary>The path itself when it is a well-formed field path (<c>Manager.Email</c>, <c>Cost_Center__c</c>); otherwise an ArgumentException.</summary>
        public static string FieldPath(string path)
        {
            var trimmed = (path ?? "").Trim();
            if (!FieldPathPattern.IsMatch(trimmed))
                throw new ArgumentException($"'{path}' is not a Salesforce field name (letters, digits and underscores, parents joined by dots, e.g. Manager.Email).", nameof(path));
            return trimmed;
        }

        public static bool IsFieldPath(string path) => path != null && FieldPathPattern.IsMatch(path);

        private static string Like(string before, string value, string after)
        {
            var builder = new StringBuilder(value.Length + 4).Append('\'').Append(before);
            AppendEscaped(builder, value, escapeLikeWildcards: true);
            return builder.Append(after).Append('\'').ToString();
        }

        private static void AppendEscaped(StringBuilder builder, string value, bool escapeLikeWildcards)
        {
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); break;
                    case '\'': builder.Append("\\'"); break;
                    case '"': builder.Append("\\\""); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '%' when escapeLikeWildcards: builder.Append("\\%"); break;
                    case '_' when escapeLikeWildcards: builder.Append("\\_"); break;
                    default: builder.Append(c); break;
                }
            }
        }
    }
}
