using System.Text;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>Builds RFC 7644 §3.4.2.2 filter expressions with correctly escaped string values.</summary>
    public static class ScimFilter
    {
        /// <summary><c>attribute eq "value"</c>.</summary>
        public static string Equal(string attributePath, string value) => attributePath + " eq " + Quote(value);

        public static string And(string left, string right) => "(" + left + ") and (" + right + ")";

        /// <summary><c>a or b or …</c>; each term is an attribute expression, so no parentheses are needed.</summary>
        public static string Or(System.Collections.Generic.IEnumerable<string> terms) => string.Join(" or ", terms);

        /// <summary>A JSON string literal (RFC 7159), which is what a filter's compValue is: quotes and backslashes escaped.</summary>
        public static string Quote(string value)
        {
            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4"));
                        else text.Append(c);
                        break;
                }
            }
            return text.Append('"').ToString();
        }
    }
}
