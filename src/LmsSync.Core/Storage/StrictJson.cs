using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Parses a whole JSON object from a file's text: truncated or trailing content is an error, and
    /// strings stay strings (Newtonsoft would otherwise turn date-like text into DateTime and back).
    /// </summary>
    public static class StrictJson
    {
        public static JObject ParseObject(string text)
        {
            using (var reader = Reader(text))
            {
                var value = JObject.Load(reader);
                EnsureEnd(reader);
                return value;
            }
        }

        /// <summary>
        /// <paramref name="text"/> (read as a stream) straight into a <typeparamref name="T"/>, with the same strictness as <see cref="ParseObject"/>
        /// but no token tree in between (a state file of 100,000 links would build one of hundreds of MB).
        /// </summary>
        public static T? Deserialize<T>(TextReader text, JsonSerializer serializer) where T : class
        {
            using (var reader = Reader(text))
            {
                var value = serializer.Deserialize<T>(reader);
                EnsureEnd(reader);
                return value;
            }
        }

        private static JsonTextReader Reader(string text) => Reader(new StringReader(text));

        private static JsonTextReader Reader(TextReader text) =>
            new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };

        private static void EnsureEnd(JsonTextReader reader)
        {
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
                throw new JsonReaderException($"Unexpected content after the JSON object at line {reader.LineNumber}, position {reader.LinePosition}.");
        }
    }
}
