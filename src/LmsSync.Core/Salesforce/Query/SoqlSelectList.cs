using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// The field paths and the object of a plain SOQL SELECT, read well enough to know which relationship
    /// paths to expect in each record. Not a parser: anything unusual just yields no paths.
    /// </summary>
    internal sealed class SoqlSelectList
    {
        private static readonly Regex Path = new Regex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

        private SoqlSelectList(IReadOnlyList<string> fields, string? objectName, bool isCountOnly)
        {
            Fields = fields;
            ObjectName = objectName;
            IsCountOnly = isCountOnly;
        }

        public IReadOnlyList<string> Fields { get; }

        public string? ObjectName { get; }

        /// <summary><c>SELECT COUNT() FROM …</c>: totalSize is the count and no records come back.</summary>
        public bool IsCountOnly { get; }

        public static SoqlSelectList Of(string soql)
        {
            var text = soql.Trim();
            if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.Length < 7 || !char.IsWhiteSpace(text[6]))
                return new SoqlSelectList(new string[0], null, false);
            var from = TopLevelFrom(text);
            if (from < 0) return new SoqlSelectList(new string[0], null, false);

            var items = SplitTopLevel(text.Substring(6, from - 6));
            var fields = new List<string>();
            foreach (var item in items)
                if (Path.IsMatch(item)) fields.Add(item);
            var isCount = items.Count == 1 && Regex.IsMatch(items[0], @"^COUNT\s*\(\s*\)$", RegexOptions.IgnoreCase);

            var after = text.Substring(from + 4).TrimStart();
            var end = 0;
            while (end < after.Length && (char.IsLetterOrDigit(after[end]) || after[end] == '_')) end++;
            return new SoqlSelectList(fields, end == 0 ? null : after.Substring(0, end), isCount);
        }

        private static int TopLevelFrom(string text)
        {
            var depth = 0;
            var quoted = false;
            for (var i = 6; i < text.Length - 4; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '\\') i++;
                    else if (c == '\'') quoted = false;
                    continue;
                }
                if (c == '\'') quoted = true;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (depth == 0 && char.IsWhiteSpace(text[i - 1]) && string.Compare(text, i, "FROM", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(text[i + 4]))
                    return i;
            }
            return -1;
        }

        private static List<string> SplitTopLevel(string list)
        {
            var items = new List<string>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i] == '(') depth++;
                else if (list[i] == ')') depth--;
                else if (list[i] == ',' && depth == 0)
                {
                    items.Add(list.Substring(start, i - start).Trim());
                    start = i + 1;
                }
            }
            items.Add(list.Substring(start).Trim());
            return items;
        }
    }
}
