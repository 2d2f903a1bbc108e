using System;
using Newtonsoft.Json;

namespace LmsSync.Core.Sync
{
    /// <summary>Writes a <see cref="DeprovisionLimit"/> as <c>"10%"</c> or <c>"25"</c>; also reads a bare number as a count.</summary>
    internal sealed class DeprovisionLimitJsonConverter : JsonConverter<DeprovisionLimit>
    {
        public override void WriteJson(JsonWriter writer, DeprovisionLimit? value, JsonSerializer serializer)
        {
            if (value == null) writer.WriteNull();
            else writer.WriteValue(value.ToString());
        }

        public override DeprovisionLimit? ReadJson(JsonReader reader, Type objectType, DeprovisionLimit? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Null: return null;
                case JsonToken.Integer: return DeprovisionLimit.Count(Convert.ToInt32(reader.Value, System.Globalization.CultureInfo.InvariantCulture));
                case JsonToken.String:
                    var text = (string)reader.Value!;
                    if (DeprovisionLimit.TryParse(text, out var limit)) return limit;
                    throw new JsonSerializationException($"'{text}' is not a deprovision limit: give a whole count such as 25 or a percentage such as \"10%\".");
                default:
                    throw new JsonSerializationException($"A deprovision limit is text such as \"10%\" or a count, not {reader.TokenType}.");
            }
        }
    }
}
