using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Finds a list page's top-level <c>nextPageToken</c> in the raw UTF-8 body without parsing the items, so the next
    /// page can be requested before this one is parsed (the token may come after ~700 KB of users). Strings, escapes,
    /// comments and nesting are respected, so a field value or a nested member named <c>nextPageToken</c> is not taken
    /// for it; the last top-level one wins, as in <see cref="ISpringStreamReader.Page{T}"/>. It also checks the body's
    /// structure: a body cut short (an open string or bracket), a mismatched bracket or anything after the top-level
    /// value is a <see cref="JsonReaderException"/> here, like the full parse would say. The full parse still judges
    /// the rest of the grammar.
    /// </summary>
    internal static class ISpringPageScan
    {
        private static readonly byte[] TokenName = Encoding.UTF8.GetBytes("\"nextPageToken\"");

        /// <summary>The token (null when absent, JSON null, or the body is not an object), read as the full parse reads it.</summary>
        public static string? NextPageToken(byte[] json, int length)
        {
            var i = length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF ? 3 : 0;
            var closers = new Stack<byte>();
            bool topIsObject = false, sawValue = false, expectName = false, inToken = false;
            string? token = null;
            while ((i = SkipSpace(json, i, length)) < length)
            {
                if (sawValue) throw Error("Unexpected content after the JSON value.");
                var top = closers.Count == 1 && topIsObject;
                var c = json[i];
                switch (c)
                {
                    case (byte)'{':
                    case (byte)'[':
                        if (top && inToken) throw new ISpringShapeException("'nextPageToken' is not a single value.");
                        if (closers.Count == 0) topIsObject = c == '{';
                        closers.Push(c == '{' ? (byte)'}' : (byte)']');
                        expectName = closers.Count == 1 && topIsObject;
                        i++;
                        break;
                    case (byte)'}':
                    case (byte)']':
                        if (closers.Count == 0 || closers.Pop() != c) throw Error("Unexpected character '" + (char)c + "'.");
                        sawValue = closers.Count == 0;
                        i++;
                        break;
                    case (byte)',':
                        expectName = top;
                        inToken = false;
                        i++;
                        break;
                    case (byte)':':
                        i++;
                        break;
                    case (byte)'"':
                        var end = StringEnd(json, i, length);
                        if (top && expectName)
                        {
                            inToken = IsTokenName(json, i, end);
                            expectName = false;
                        }
                        else if (top && inToken)
                        {
                            token = Value(json, i, end);
                            inToken = false;
                        }
                        sawValue = closers.Count == 0;
                        i = end;
                        break;
                    default:
                        var literalEnd = LiteralEnd(json, i, length);
                        if (top && inToken)
                        {
                            token = Value(json, i, literalEnd);
                            inToken = false;
                        }
                        sawValue = closers.Count == 0;
                        i = literalEnd;
                        break;
                }
            }
            if (!sawValue) throw Error("Unexpected end of the JSON.");
            return topIsObject ? token : null;
        }

        /// <summary>The index just past the string that opens at <paramref name="start"/>; an unclosed string is a body cut short.</summary>
        private static int StringEnd(byte[] json, int start, int length)
        {
            var i = start + 1;
            while (true)
            {
                var quote = System.Array.IndexOf(json, (byte)'"', i, length - i);
                if (quote < 0) throw Error("Unterminated string.");
                var backslashes = 0;
                while (json[quote - 1 - backslashes] == '\\') backslashes++;
                if (backslashes % 2 == 0) return quote + 1;
                i = quote + 1;
            }
        }

        private static int LiteralEnd(byte[] json, int start, int length)
        {
            var i = start;
            while (i < length && !IsDelimiter(json[i])) i++;
            if (i == start) throw Error("Unexpected character '" + (char)json[i] + "'.");
            return i;
        }

        private static bool IsDelimiter(byte c) =>
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"' || c == '/';

        /// <summary>Whitespace and the comments the JSON reader accepts (<c>//…</c>, <c>/*…*/</c>).</summary>
        private static int SkipSpace(byte[] json, int i, int length)
        {
            while (i < length)
            {
                var c = json[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    i++;
                }
                else if (c == '/' && i + 1 < length && json[i + 1] == '/')
                {
                    while (i < length && json[i] != '\n') i++;
                }
                else if (c == '/' && i + 1 < length && json[i + 1] == '*')
                {
                    var close = i + 2;
                    while (close + 1 < length && !(json[close] == '*' && json[close + 1] == '/')) close++;
                    if (close + 1 >= length) throw Error("Unterminated comment.");
                    i = close + 2;
                }
                else
                {
                    return i;
                }
            }
            return i;
        }

        /// <summary>Compares the raw name; a name written with escapes is decoded first (no server does that, but it is the same name).</summary>
        private static bool IsTokenName(byte[] json, int start, int end)
        {
            if (end - start == TokenName.Length)
            {
                for (var k = 0; k < TokenName.Length; k++)
                    if (json[start + k] != TokenName[k]) return false;
                return true;
            }
            return System.Array.IndexOf(json, (byte)'\\', start, end - start) >= 0 && Value(json, start, end) == "nextPageToken";
        }

        /// <summary>A plain string is decoded directly; escapes, numbers and literals go through the JSON reader, so the text is the same as the full parse's.</summary>
        private static string? Value(byte[] json, int start, int end)
        {
            if (json[start] == '"' && System.Array.IndexOf(json, (byte)'\\', start, end - start) < 0)
                return Encoding.UTF8.GetString(json, start + 1, end - start - 2);
            return ISpringStreamReader.Scalar(Encoding.UTF8.GetString(json, start, end - start));
        }

        private static JsonReaderException Error(string message) => new JsonReaderException(message);
    }
}
