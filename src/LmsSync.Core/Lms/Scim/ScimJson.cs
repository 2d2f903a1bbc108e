using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Reading SCIM JSON the way RFC 7643 §2.1 asks: attribute names are case-insensitive, and values
    /// are read tolerantly where services are known to differ (a boolean sent as "True", a number as text).
    /// </summary>
    internal static class ScimJson
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            NullValueHandling = NullValueHandling.Ignore,
        };

        /// <summary>Parses a body without turning ISO dates into local DateTimes (they are kept as the service wrote them).</summary>
        public static JToken Parse(string text)
        {
            using (var reader = new System.IO.StringReader(text))
                return Parse(reader) ?? throw new JsonReaderException("The body held no JSON value.");
        }

        /// <summary>An object kept as compact UTF-8 (a listed user, see <see cref="ScimStreamReader"/>), parsed as bodies are.</summary>
        public static JObject ParseUtf8(byte[] utf8)
        {
            using (var text = new System.IO.StreamReader(new System.IO.MemoryStream(utf8, writable: false), System.Text.Encoding.UTF8))
                return (JObject)(Parse(text) ?? throw new JsonReaderException("The kept resource held no JSON value."));
        }

        /// <summary>
        /// Parses from a reader (a response stream: no copy of the body as a string); null when it holds only
        /// whitespace. Anything after the value but comments is an error (a body cut and glued).
        /// </summary>
        public static JToken? Parse(System.IO.TextReader text)
        {
            using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, CloseInput = false })
            {
                do
                {
                    if (!reader.Read()) return null;
                }
                while (reader.TokenType == JsonToken.Comment);
                var token = JToken.ReadFrom(reader);
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional text after the JSON value.");
                }
                return token;
            }
        }

        /// <summary>The property whose name equals <paramref name="name"/> ignoring case, or null.</summary>
        public static JToken? Get(JObject? obj, string name)
        {
            if (obj == null) return null;
            var token = obj.GetValue(name, StringComparison.OrdinalIgnoreCase);
            return token == null || token.Type == JTokenType.Null ? null : token;
        }

        public static string? String(JObject? obj, string name) => Text(Get(obj, name));

        /// <summary>Scalars as text (a number or boolean is printed invariantly); objects and arrays are not text.</summary>
        public static string? Text(JToken? token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.String: return (string?)token;
                case JTokenType.Integer:
                case JTokenType.Float:
                    return Convert.ToString(((JValue)token).Value!, CultureInfo.InvariantCulture);
                case JTokenType.Boolean: return (bool)token ? "true" : "false";
                default: return null;
            }
        }

        /// <summary>A boolean, also when sent as the string "True"/"False" (Entra ID's legacy form).</summary>
        public static bool? Bool(JToken? token)
        {
            if (token == null) return null;
            switch (token.Type)
            {
                case JTokenType.Boolean:
                    return token.Value<bool>();
                case JTokenType.Integer:
                    return token.Value<long>() != 0;
                case JTokenType.String:
                    var text = (token.Value<string>() ?? "").Trim();
                    if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>An integer, also when sent as a string ("10").</summary>
        public static int? Int(JToken? token)
        {
            if (token == null) return null;
            if (token.Type == JTokenType.Integer) return (int)(long)token;
            if (token.Type == JTokenType.String && int.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            return null;
        }

        public static long? Long(JToken? token)
        {
            if (token == null) return null;
            if (token.Type == JTokenType.Integer) return (long)token;
            if (token.Type == JTokenType.String && long.TryParse((string?)token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            return null;
        }

        public static DateTimeOffset? Date(JToken? token) => Date(Text(token));

        public static DateTimeOffset? Date(string? text)
        {
            if (text == null) return null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : (DateTimeOffset?)null;
        }

        public static string Serialize(JToken token) => token.ToString(Formatting.None);
    }
}
