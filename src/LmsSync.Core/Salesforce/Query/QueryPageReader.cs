using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// Reads a query page token by token (no JObject per record): relationship objects are flattened to
    /// dotted paths, <c>attributes</c> dropped, numbers read as decimal, datetimes/dates converted.
    /// </summary>
    internal static class QueryPageReader
    {
        // A sync process reads ~100,000 records once and exits: the record loop must not spend that time in
        // the runtime's quick unoptimized first-tier code. (AggressiveOptimization; netstandard2.0 lacks the name.)
        private const MethodImplOptions Hot = (MethodImplOptions)512;

        [MethodImpl(Hot)]
        public static QueryPage Read(JsonReader reader, RecordShape shape)
        {
            // Every record repeats the same property names: intern them instead of allocating each one.
            if (reader is JsonTextReader text && text.PropertyNameTable == null) text.PropertyNameTable = new DefaultJsonNameTable();
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                throw new InvalidDataException("the answer is not a query result object");
            long? totalSize = null;
            bool? done = null;
            string? next = null;
            var records = new List<SalesforceRecord>();
            var closed = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonToken.EndObject) { closed = true; break; }
                if (reader.TokenType != JsonToken.PropertyName) throw new InvalidDataException("the query result is not a JSON object of properties");
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                switch (name)
                {
                    case "totalSize":
                        totalSize = System.Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture);
                        break;
                    case "done":
                        done = reader.Value is bool b && b;
                        break;
                    case "nextRecordsUrl":
                        next = reader.Value as string;
                        break;
                    case "records":
                        if (reader.TokenType != JsonToken.StartArray) throw new InvalidDataException("'records' is not an array");
                        // A body cut off between records still tokenizes cleanly: EOF must not pass for the array's end.
                        while (true)
                        {
                            if (!reader.Read()) throw new InvalidDataException("the query result ends early, inside 'records'");
                            if (reader.TokenType == JsonToken.EndArray) break;
                            if (reader.TokenType != JsonToken.StartObject) throw new InvalidDataException("a record is not an object");
                            records.Add(ReadRecord(reader, shape));
                        }
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (!closed) throw new InvalidDataException("the query result ends early");
            if (totalSize == null || done == null) throw new InvalidDataException("the query result lacks totalSize or done");
            return new QueryPage(totalSize.Value, done.Value, string.IsNullOrEmpty(next) ? null : next, records);
        }

        [MethodImpl(Hot)]
        private static SalesforceRecord ReadRecord(JsonReader reader, RecordShape shape)
        {
            var record = shape.Builder;
            record.Start();
            var type = ReadObject(reader, shape, record, prefix: null);
            foreach (var path in shape.DottedPaths)
                if (!record.Has(path)) record.Set(path, null);
            return record.Build(type ?? shape.ObjectName);
        }

        /// <summary>Reads one (possibly nested) record object into <paramref name="record"/>; returns its attributes.type.</summary>
        [MethodImpl(Hot)]
        private static string? ReadObject(JsonReader reader, RecordShape shape, RecordBuilder record, string? prefix)
        {
            string? type = null;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                reader.Read();
                if (name == "attributes")
                {
                    type = ReadType(reader);
                    continue;
                }
                var path = prefix == null ? name : shape.Join(prefix, name);
                switch (reader.TokenType)
                {
                    case JsonToken.StartObject:
                        // A parent record (Manager) or a compound value (an address): flatten under its name.
                        ReadObject(reader, shape, record, path + ".");
                        break;
                    case JsonToken.StartArray:
                        // Child subqueries and multi-valued data have no flat form; they are not selected by this client.
                        reader.Skip();
                        break;
                    case JsonToken.String:
                        var text = (string)reader.Value!;
                        var value = ConvertText(path, text, shape);
                        if (ReferenceEquals(value, text)) record.SetText(path, text);
                        else record.Set(path, value);
                        break;
                    case JsonToken.Integer:
                        record.Set(path, System.Convert.ToDecimal(reader.Value, CultureInfo.InvariantCulture));
                        break;
                    case JsonToken.Float:
                        record.Set(path, reader.Value is double d ? (decimal)d : System.Convert.ToDecimal(reader.Value, CultureInfo.InvariantCulture));
                        break;
                    case JsonToken.Boolean:
                        record.SetBoolean(path, (bool)reader.Value!);
                        break;
                    case JsonToken.Null:
                    case JsonToken.Undefined:
                        // A null parent (Manager: null) is represented by its selected paths, filled in later.
                        if (!shape.IsRelationship(path)) record.Set(path, null);
                        break;
                    default:
                        record.Set(path, reader.Value?.ToString());
                        break;
                }
            }
            if (reader.TokenType != JsonToken.EndObject) throw new InvalidDataException("a record ends early");
            return type;
        }

        [MethodImpl(Hot)]
        private static string? ReadType(JsonReader reader)
        {
            if (reader.TokenType != JsonToken.StartObject)
            {
                reader.Skip();
                return null;
            }
            string? type = null;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                reader.Read();
                if (name == "type" && reader.TokenType == JsonToken.String) type = (string)reader.Value!;
                else reader.Skip();
            }
            return type;
        }

        [MethodImpl(Hot)]
        private static object ConvertText(string path, string text, RecordShape shape)
        {
            switch (shape.KindOf(path, text))
            {
                case ValueKind.DateTime:
                    if (SalesforceDateTime.TryParseDateTime(text, out var dateTime)) return dateTime;
                    throw new InvalidDataException($"field {path} is a datetime but its value '{Truncate(text)}' is not one");
                case ValueKind.Date:
                    if (SalesforceDateTime.TryParseDate(text, out var date)) return date;
                    throw new InvalidDataException($"field {path} is a date but its value '{Truncate(text)}' is not one");
                default:
                    return text;
            }
        }

        private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
