using System;
using System.Globalization;
using LmsSync.Core.Salesforce.Query;
using Newtonsoft.Json;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Reads the ISO 8601 dates the state file is written with (<c>2026-11-21T16:54:49.5113788+00:00</c>) by their fixed
    /// layout, with the parser Salesforce datetimes are read with (<see cref="SalesforceDateTime.TryParseDateTime(string, out DateTimeOffset)"/>,
    /// which takes these ISO forms too). Newtonsoft reads such a string, when DateParseHandling is None, through
    /// culture-aware parsing: about a second of CPU for the 80,000 link dates of a 100,000-user state. Any other form
    /// still goes through <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
    /// (invariant culture).
    /// </summary>
    internal sealed class IsoDateTimeOffsetConverter : JsonConverter
    {
        public override bool CanWrite => false;

        public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null)
            {
                if (objectType == typeof(DateTimeOffset?)) return null;
                throw new JsonSerializationException($"A date is required at '{reader.Path}', but it is null.");
            }
            if (reader.TokenType == JsonToken.Date && reader.Value is DateTimeOffset date) return date;
            return Read(reader);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
            throw new NotSupportedException("Dates are written by Newtonsoft's own converter.");

        /// <summary>The date the reader is on, sent as a string; anything else is an error naming the path.</summary>
        internal static DateTimeOffset Read(JsonReader reader)
        {
            if (reader.TokenType != JsonToken.String)
                throw new JsonSerializationException($"Expected a date at '{reader.Path}', got {reader.TokenType}.");
            var text = (string)reader.Value!;
            if (SalesforceDateTime.TryParseDateTime(text, out var value) ||
                DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)) return value;
            throw new JsonSerializationException($"'{text}' at '{reader.Path}' is not a date.");
        }
    }
}
