using System;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using static LmsSync.Core.Text.JsonTokens;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// A state file's links, read and written by hand: they are nearly all of a 100,000-user state (80,000 links), and
    /// Newtonsoft's reflection path for a constructor-built object cost a fresh process over a second of CPU to read
    /// them and most of a second to write them. Each link is written on one line; read with the same strictness as the
    /// serializer's settings (older, fully indented files read the same): property names
    /// match ignoring case, a property given twice counts with its last value, an unknown one is an error, a missing id
    /// is refused by <see cref="Link"/> itself.
    /// </summary>
    internal sealed class LinkJsonConverter : JsonConverter
    {
        private static readonly LinkOrigin[] Origins = (LinkOrigin[])Enum.GetValues(typeof(LinkOrigin));

        public override bool CanConvert(Type objectType) => objectType == typeof(Link);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null) return null;
            if (reader.TokenType != JsonToken.StartObject) throw Error(reader, $"Expected a link object, got {reader.TokenType}.");
            string? salesforceId = null, lmsId = null;
            var origin = default(LinkOrigin);
            var linkedAt = default(DateTimeOffset);
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                if (Is(name, nameof(Link.SalesforceId))) salesforceId = Text(reader);
                else if (Is(name, nameof(Link.LmsId))) lmsId = Text(reader);
                else if (Is(name, nameof(Link.Origin))) origin = Origin(reader);
                else if (Is(name, nameof(Link.LinkedAt))) linkedAt = IsoDateTimeOffsetConverter.Read(reader);
                else throw Error(reader, $"Could not find member '{name}' on object of type 'Link'.");
            }
            return new Link(salesforceId!, lmsId!, origin, linkedAt);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            var link = (Link)value!;
            // Ids that need no escaping (all of them, in practice) as one raw line: the writer's calls per property were
            // most of the cost of a 12.5 MB state; the text is what they wrote (see WriteByProperty).
            if (LinkLines.WrittenAsIs(link.SalesforceId) && LinkLines.WrittenAsIs(link.LmsId) && writer.DateFormatHandling == DateFormatHandling.IsoDateFormat &&
                writer.DateFormatString == null)
            {
                writer.WriteRawValue(LinkLines.Line(link));
                return;
            }
            WriteByProperty(writer, link);
        }

        private static void WriteByProperty(JsonWriter writer, Link link)
        {
            writer.WriteStartObject();
            // One line per link in the indented file: a fifth fewer bytes than six indented lines, and a grep for an id shows the whole link.
            var formatting = writer.Formatting;
            writer.Formatting = Formatting.None;
            writer.WritePropertyName(nameof(Link.SalesforceId));
            writer.WriteValue(link.SalesforceId);
            writer.WritePropertyName(nameof(Link.LmsId));
            writer.WriteValue(link.LmsId);
            writer.WritePropertyName(nameof(Link.Origin));
            writer.WriteValue(link.Origin.ToString());
            writer.WritePropertyName(nameof(Link.LinkedAt));
            writer.WriteValue(link.LinkedAt);
            writer.WriteEndObject();
            writer.Formatting = formatting;
        }

        private static bool Is(string name, string property) => string.Equals(name, property, StringComparison.OrdinalIgnoreCase);

        private static string? Text(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.String: return (string)reader.Value!;
                case JsonToken.Null: return null;
                default: throw Error(reader, $"Expected text, got {reader.TokenType}.");
            }
        }

        /// <summary>The name (any case) or its number, as StringEnumConverter reads it.</summary>
        private static LinkOrigin Origin(JsonReader reader)
        {
            // A number past int is no origin (and must not overflow into one).
            if (reader.TokenType == JsonToken.Integer && reader.Value is long number && number >= int.MinValue && number <= int.MaxValue &&
                Enum.IsDefined(typeof(LinkOrigin), (int)number)) return (LinkOrigin)(int)number;
            if (reader.TokenType == JsonToken.String)
            {
                var text = ((string)reader.Value!).Trim();
                foreach (var origin in Origins)
                    if (Is(text, origin.ToString())) return origin;
            }
            throw Error(reader, $"'{reader.Value}' is not a link origin (Created or Matched).");
        }

        private static JsonSerializationException Error(JsonReader reader, string message) =>
            new JsonSerializationException(message + " Path '" + reader.Path + "'.");
    }
}
