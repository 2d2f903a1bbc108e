using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Turns iSpring's JSON into the client's types, accepting every shape in evidence: <c>fields</c> as an object
    /// or as a <c>[{name, value}]</c> list (names case-insensitive), single objects bare or wrapped in <c>response</c>,
    /// a created id as a JSON string or bare text.
    /// </summary>
    internal static class ISpringWireReader
    {
        /// <summary>Parses without turning date strings into DateTime (iSpring's dates stay as sent until read here).</summary>
        public static JToken Parse(string text)
        {
            using (var reader = ISpringStreamReader.Open(new StringReader(text)))
            {
                var token = JToken.ReadFrom(reader);
                if (reader.Read() && reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Unexpected content after the JSON value.");
                return token;
            }
        }

        /// <summary>The object itself, or its <c>response</c> member when the server wrapped it.</summary>
        public static JObject Unwrap(JToken token, string idProperty)
        {
            if (token is JObject obj)
            {
                if (obj[idProperty] == null && obj["response"] is JObject inner) return inner;
                return obj;
            }
            throw new JsonReaderException($"Expected a JSON object with '{idProperty}'.");
        }

        /// <summary>A user already parsed into a JObject (single-user answers), read the same way as a streamed page.</summary>
        public static ISpringUser User(JObject o)
        {
            using (var reader = o.CreateReader())
            {
                reader.Read();
                return ISpringStreamReader.User(reader);
            }
        }

        public static ISpringDepartment Department(JObject o) =>
            new ISpringDepartment(Required(o, "departmentId"), (string?)o["name"] ?? "", NullIfEmpty((string?)o["parentDepartmentId"]), NullIfEmpty((string?)o["code"]));

        public static ISpringGroup Group(JObject o) => new ISpringGroup(Required(o, "groupId"), (string?)o["name"] ?? "", Bool(o["isSmart"]));

        public static ISpringGroupDetails GroupDetails(JObject o) => new ISpringGroupDetails(Group(o), Ids(o["userIds"]));

        public static ISpringProfileField ProfileField(JObject o) =>
            new ISpringProfileField(Required(o, "name"), (string?)o["label"] ?? "", (string?)o["type"] ?? "", Bool(o["isUnique"]), Bool(o["isRequired"]));

        /// <summary>The body of a 201: <c>"uuid"</c>, or the bare uuid, or (defensively) an object with an id.</summary>
        public static string CreatedId(string body, string idProperty)
        {
            var text = body.Trim();
            if (text.Length == 0) throw new JsonReaderException("The answer carried no id.");
            if (text[0] == '"' || text[0] == '{')
            {
                var token = Parse(text);
                if (token.Type == JTokenType.String) return (string)token!;
                if (token is JObject o && ((string?)o[idProperty] ?? (string?)o["id"] ?? (string?)o["response"]) is string id) return id;
                throw new JsonReaderException("The answer carried no id.");
            }
            if (text.Any(char.IsWhiteSpace) || text[0] == '<') throw new JsonReaderException("The answer is not an id.");
            return text;
        }

        public static IReadOnlyList<string> Ids(JToken? token)
        {
            if (token == null) return new List<string>();
            using (var reader = token.CreateReader())
            {
                reader.Read();
                return ISpringStreamReader.Ids(reader);
            }
        }

        private static string Required(JObject o, string name)
        {
            var value = (string?)o[name];
            if (string.IsNullOrEmpty(value)) throw new ISpringShapeException($"'{name}' is missing.");
            return value!;
        }

        private static bool Bool(JToken? token)
        {
            if (token == null || token.Type == JTokenType.Null) return false;
            if (token.Type == JTokenType.Boolean) return (bool)token;
            var text = token.ToString();
            return text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
