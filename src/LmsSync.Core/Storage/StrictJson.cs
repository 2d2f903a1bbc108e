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
            using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
            {
                var value = JObject.Load(reader);
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException($"Unexpected content after the JSON object at line {reader.LineNumber}, position {reader.LinePosition}.");
                return value;
            }
        }
    }
}
