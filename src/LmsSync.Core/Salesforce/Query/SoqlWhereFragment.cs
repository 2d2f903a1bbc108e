using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// Checks a user-supplied WHERE condition before it is AND-ed into the source query: it must be one
    /// balanced condition, not a way to end the WHERE clause and append LIMIT, ORDER BY, another
    /// statement or a second query.
    /// </summary>
    public static class SoqlWhereFragment
    {
        // Clauses that may only follow WHERE; at the top level of a condition they would change the query's shape.
        private static readonly HashSet<string> ForbiddenWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "LIMIT", "OFFSET", "ORDER", "GROUP", "HAVING", "FOR", "UPDATE", "VIEW", "REFERENCE", "ALL", "ROWS",
            "FROM", "SELECT", "WITH", "USING", "TYPEOF", "WHERE",
        };

        /// <summary>The trimmed fragment, or an ArgumentException saying what is wrong with it.</summary>
        public static string Validate(string fragment)
        {
            var text = (fragment ?? "").Trim();
            if (text.Length == 0) throw new ArgumentException("The WHERE filter is empty.", nameof(fragment));
            if (text.StartsWith("WHERE ", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Give the WHERE filter without the word WHERE: '{text.Substring(6).Trim()}'.", nameof(fragment));

            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\'')
                {
                    i = EndOfString(text, i);
                    if (i < 0) throw Invalid(text, "a quoted string is not closed (write a quote inside a string as \\')");
                    continue;
                }
                if (c == ';') throw Invalid(text, "';' is not allowed (SOQL runs one query)");
                if (c == '(') depth++;
                if (c == ')' && --depth < 0) throw Invalid(text, "a ')' closes more than was opened");
                if (depth == 0 && (char.IsLetter(c) || c == '_') && (i == 0 || !IsWordChar(text[i - 1])))
                {
                    var end = i;
                    while (end < text.Length && IsWordChar(text[end])) end++;
                    var word = text.Substring(i, end - i);
                    if (ForbiddenWords.Contains(word))
                        throw Invalid(text, $"'{word}' is not allowed in a filter; give only a condition such as Department = 'Sales' AND IsActive = true");
                    i = end - 1;
                }
            }
            if (depth != 0) throw Invalid(text, "a '(' is not closed");
            return text;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

        /// <summary>Index of the closing quote of the string starting at <paramref name="start"/>, or -1.</summary>
        private static int EndOfString(string text, int start)
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '\\') i++;
                else if (text[i] == '\'') return i;
            }
            return -1;
        }

        private static ArgumentException Invalid(string text, string why) =>
            new ArgumentException($"The WHERE filter \"{text}\" is not accepted: {why}.", "fragment");
    }
}
