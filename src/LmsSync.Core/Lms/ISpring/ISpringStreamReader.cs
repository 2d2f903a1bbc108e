using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using LmsSync.Core.Sync;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Text;
using static LmsSync.Core.Text.JsonTokens;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Reads iSpring's JSON token by token: a list page straight from its received bytes (<see cref="Read{T}"/>), a user straight into
    /// <see cref="ISpringUser"/>. A 1,000-user page is ~700 KB; holding it as a string and a JObject DOM cost ~15 KB
    /// of garbage per user, this reads it with no copy of the body. Same rules as <see cref="ISpringWireReader"/>
    /// (which reads a JObject user through here, so there is one reading of a user).
    /// </summary>
    internal static class ISpringStreamReader
    {
        /// <summary>
        /// The property names iSpring sends for users, groups and departments (and the profile-field names), so the
        /// reader hands out these instances instead of a new string for each of ~20 names per user. Filled once,
        /// then only read (safe to look up from several readers at once).
        /// </summary>
        private static readonly string[] KnownNames =
        {
            "userProfiles", "nextPageToken", "userId", "role", "roleId", "departmentId", "status", "fields", "addedDate", "lastLoginDate",
            "manageableDepartmentIds", "userRoles", "roleType", "groups", "subordination", "coSubordination", "subordinationType",
            "supervisorId", "name", "value", "login", "email", "first_name", "last_name", "job_title", "phone", "country",
            "LOGIN", "EMAIL", "FIRST_NAME", "LAST_NAME", "JOB_TITLE", "PHONE", "COUNTRY", "departments", "parentDepartmentId", "code",
            "groupId", "isSmart", "userIds", "usersCount",
        };

        private static readonly DefaultJsonNameTable Names = NameTable(KnownNames);
        private static readonly ByteNameTable ByteNames = new ByteNameTable(KnownNames);

        /// <summary>
        /// A user's fields as read, before they go into a dictionary of exactly their size (growing one field by field
        /// allocated it three times over). Per thread, reused: a page is parsed on one thread, user after user.
        /// </summary>
        [ThreadStatic]
        private static List<KeyValuePair<string, string>>? _fieldsRead;

        /// <summary>A reader with the same settings as <see cref="ISpringWireReader.Parse"/>: dates and decimals stay as sent.</summary>
        public static JsonTextReader Open(TextReader text) =>
            new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, CloseInput = false, PropertyNameTable = Names };

        /// <summary>
        /// A received body (UTF-8, [0, <paramref name="length"/>)) read by <paramref name="read"/> straight from its bytes
        /// (<see cref="ByteJsonReader"/>), with the same settings as <see cref="Open"/>; a body that is not plain JSON is read
        /// through <see cref="Open"/> instead, so its values and errors are as they were.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static T Read<T>(byte[] json, int length, Func<JsonReader, T> read) =>
            ByteJson.Read(json, length, ByteNames, FloatParseHandling.Decimal, Open, read);

        /// <summary>
        /// <c>{"items":[…], "nextPageToken":"…"}</c> in either order; items that are not objects are ignored, a missing
        /// or non-array items member is an empty page. Anything after the object is a syntax error (a body cut and
        /// glued). A top-level value that is not an object is an <see cref="ISpringShapeException"/>.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static ISpringPage<T> Page<T>(JsonReader reader, string itemsProperty, Func<JsonReader, T> readItem)
        {
            Next(reader);
            if (reader.TokenType != JsonToken.StartObject)
                throw new ISpringShapeException("expected a JSON object, got " + JToken.ReadFrom(reader).Type);
            IReadOnlyList<T> items = Array.Empty<T>();
            string? next = null;
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                if (name == itemsProperty) items = Objects(reader, readItem);
                else if (name == "nextPageToken") next = Text(reader, name);
                else reader.Skip();
            }
            if (reader.Read() && reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Unexpected content after the JSON value.");
            return new ISpringPage<T>(items, next);
        }

        /// <summary>One JSON scalar (a value cut out of a page by <see cref="ISpringPageScan"/>) as text, read as <see cref="Page{T}"/> reads its token.</summary>
        [MethodImpl(Jit.Optimized)]
        public static string? Scalar(string json)
        {
            using (var reader = Open(new StringReader(json)))
            {
                Next(reader);
                return Text(reader, "nextPageToken");
            }
        }

        /// <summary>A user object; the reader is on its <c>StartObject</c> and is left on its <c>EndObject</c>.</summary>
        [MethodImpl(Jit.Optimized)]
        public static ISpringUser User(JsonReader reader)
        {
            if (reader.TokenType != JsonToken.StartObject) throw new ISpringShapeException("Expected a user object.");
            string? userId = null, departmentId = null, role = null;
            var status = 0;
            Dictionary<string, string>? fields = null;
            IReadOnlyList<string>? groups = null;
            DateTimeOffset? added = null, lastLogin = null;
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                switch (name)
                {
                    case "userId": userId = Text(reader, name); break;
                    case "departmentId": departmentId = Text(reader, name); break;
                    case "status": status = Status(reader); break;
                    case "role": role = Text(reader, name); break;
                    case "fields": fields = Fields(reader); break;
                    case "groups": groups = Ids(reader); break;
                    case "addedDate": added = Date(reader); break;
                    case "lastLoginDate": lastLogin = Date(reader); break;
                    default: reader.Skip(); break;
                }
            }
            if (string.IsNullOrEmpty(userId)) throw new ISpringShapeException("'userId' is missing.");
            return new ISpringUser(userId!, departmentId ?? "", status, role ?? "", fields ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
                groups ?? new List<string>(), added, lastLogin);
        }

        /// <summary>An array of ids (empty ones dropped); anything but an array is no ids.</summary>
        [MethodImpl(Jit.Optimized)]
        public static IReadOnlyList<string> Ids(JsonReader reader)
        {
            var ids = new List<string>();
            if (reader.TokenType != JsonToken.StartArray)
            {
                reader.Skip();
                return ids;
            }
            while (Next(reader) != JsonToken.EndArray)
            {
                var id = Text(reader, "id");
                if (!string.IsNullOrEmpty(id)) ids.Add(id!);
            }
            return ids;
        }

        /// <summary><c>fields</c> as an object or as a <c>[{name, value}]</c> list; anything else is no fields.</summary>
        [MethodImpl(Jit.Optimized)]
        private static Dictionary<string, string> Fields(JsonReader reader)
        {
            var read = _fieldsRead ?? (_fieldsRead = new List<KeyValuePair<string, string>>());
            read.Clear();
            if (reader.TokenType == JsonToken.StartObject)
            {
                while (Next(reader) == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    Next(reader);
                    Add(read, name, FieldValue(reader));
                }
            }
            else if (reader.TokenType == JsonToken.StartArray)
            {
                while (Next(reader) != JsonToken.EndArray)
                {
                    if (reader.TokenType != JsonToken.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }
                    string? name = null, value = null;
                    while (Next(reader) == JsonToken.PropertyName)
                    {
                        var property = (string)reader.Value!;
                        Next(reader);
                        if (property == "name") name = Text(reader, "fields[].name");
                        else if (property == "value") value = FieldValue(reader);
                        else reader.Skip();
                    }
                    if (!string.IsNullOrEmpty(name)) Add(read, name!, value);
                }
            }
            else
            {
                reader.Skip();
            }
            var fields = new Dictionary<string, string>(read.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in read) fields[pair.Key] = pair.Value; // a name sent twice: the last one wins
            read.Clear();
            return fields;
        }

        [MethodImpl(Jit.Optimized)]
        private static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
        {
            if (value != null) fields.Add(new KeyValuePair<string, string>(name, value));
        }

        /// <summary>A string as sent; null for JSON null; any other value as its JSON text (a number stays <c>5</c>, an object <c>{…}</c>).</summary>
        [MethodImpl(Jit.Optimized)]
        private static string? FieldValue(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.String: return (string)reader.Value!;
                case JsonToken.Null:
                case JsonToken.Undefined: return null;
                default: return JToken.ReadFrom(reader).ToString(Formatting.None);
            }
        }

        /// <summary>A scalar as text (a number as its digits); null for JSON null; an object or array is the wrong shape.</summary>
        [MethodImpl(Jit.Optimized)]
        private static string? Text(JsonReader reader, string name)
        {
            if (reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray)
                throw new ISpringShapeException($"'{name}' is not a single value.");
            return reader.Value == null ? null : Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
        }

        /// <summary>The status number, sent as a number or a string; 0 when it is neither.</summary>
        [MethodImpl(Jit.Optimized)]
        private static int Status(JsonReader reader)
        {
            if (reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray)
            {
                reader.Skip();
                return 0;
            }
            if (reader.Value is long number) return number >= int.MinValue && number <= int.MaxValue ? (int)number : 0; // the usual case, without a string
            return int.TryParse(Convert.ToString(reader.Value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) ? status : 0;
        }

        [MethodImpl(Jit.Optimized)]
        private static DateTimeOffset? Date(JsonReader reader)
        {
            if (reader.TokenType != JsonToken.String)
            {
                reader.Skip();
                return null;
            }
            var text = (string?)reader.Value;
            if (string.IsNullOrWhiteSpace(text)) return null;
            // The ISO 8601 forms iSpring sends (…Z, …+03:00, fractions or none) are read by hand: the culture-aware parser
            // below took about 0.15 s of CPU for 100,000 users' two dates. Any other form still goes to it.
            if (SalesforceDateTime.TryParseDateTime(text!, out var iso)) return iso.ToUniversalTime();
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : (DateTimeOffset?)null;
        }
    }
}
