using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Reads SkyPrep's JSON into the client's types. Response shapes are not documented [I]: a list may come
    /// bare or wrapped (<c>{"users":[…]}</c>), a record bare or wrapped (<c>{"user":{…}}</c>); both are read.
    /// An error reported with status 200 (an object with only a message) is turned into an exception here.
    /// </summary>
    internal static class SkyPrepJson
    {
        public static IReadOnlyList<JObject> List(JToken token, string method, string envelope)
        {
            if (token is JArray array) return Objects(array, method);
            if (token is JObject obj)
            {
                if (obj.TryGetValue(envelope, StringComparison.OrdinalIgnoreCase, out var named) && named is JArray namedArray) return Objects(namedArray, method);
                var arrays = obj.Properties().Where(p => p.Value is JArray).ToList();
                if (arrays.Count == 1) return Objects((JArray)arrays[0].Value, method);
            }
            throw Unexpected(method, token, "a list");
        }

        public static JObject Record(JToken token, string method, string envelope)
        {
            if (token is JObject obj)
            {
                if (obj["id"] != null) return obj;
                if (obj.TryGetValue(envelope, StringComparison.OrdinalIgnoreCase, out var inner) && inner is JObject wrapped && wrapped["id"] != null) return wrapped;
            }
            throw Unexpected(method, token, "the " + envelope.Replace('_', ' '));
        }

        public static SkyPrepUser User(JObject json, SkyPrepWireNames names) => new SkyPrepUser
        {
            Id = Id(json["id"], "user"),
            Email = Text(json, "email") ?? Text(json, names.EmailParameter) ?? "",
            FirstName = Text(json, "first_name"),
            LastName = Text(json, "last_name"),
            Role = Text(json, "role"),
            Company = Text(json, "company"),
            Title = Text(json, "title"),
            Cell = Text(json, "cell"),
            SalesforceId = Text(json, names.SalesforceIdField),
            IsActive = Active(json, names),
            EmailNotifications = Bool(json["email_notifications"]),
            CustomLabels = Labels(json[names.CustomLabelsField]),
            Groups = json[names.UserGroupsField] is JArray groups ? groups.Select(GroupOrId).ToList() : null,
        };

        public static SkyPrepGroup Group(JObject json) => new SkyPrepGroup(Id(json["id"], "user group"), Text(json, "name") ?? "");

        public static long Id(JToken? token, string what)
        {
            if (token != null && (token.Type == JTokenType.Integer || token.Type == JTokenType.String)
                && long.TryParse(token.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                return id;
            throw new FormatException($"A {what} id '{token}' is not a whole number.");
        }

        public static string? Text(JObject json, string name)
        {
            var token = json[name];
            if (token == null || token.Type == JTokenType.Null) return null;
            return token.Type == JTokenType.String ? (string?)token : token.ToString(Newtonsoft.Json.Formatting.None);
        }

        public static bool? Bool(JToken? token)
        {
            if (token == null || token.Type == JTokenType.Null) return null;
            if (token.Type == JTokenType.Boolean) return (bool)token;
            switch (token.ToString().Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "1": return true;
                case "false": case "no": case "0": return false;
                default: return null;
            }
        }

        private static bool? Active(JObject json, SkyPrepWireNames names)
        {
            var status = Text(json, names.StatusParameter);
            if (status != null)
            {
                if (string.Equals(status, names.InactiveStatusValue, StringComparison.OrdinalIgnoreCase)) return false;
                if (string.Equals(status, names.ActiveStatusValue, StringComparison.OrdinalIgnoreCase)) return true;
            }
            if (Bool(json[names.DisabledParameter]) is bool disabled) return !disabled;
            return Bool(json["active"]);
        }

        private static IReadOnlyDictionary<string, string?> Labels(JToken? token)
        {
            var labels = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (token is JObject obj)
            {
                foreach (var property in obj.Properties())
                    labels[property.Name] = property.Value.Type == JTokenType.Null ? null : property.Value.ToString();
            }
            return labels;
        }

        private static SkyPrepGroup GroupOrId(JToken token) =>
            token is JObject obj ? Group(obj) : new SkyPrepGroup(Id(token, "user group"), "");

        private static IReadOnlyList<JObject> Objects(JArray array, string method)
        {
            var list = new List<JObject>(array.Count);
            foreach (var item in array)
            {
                if (item is JObject obj) list.Add(obj);
                else throw Unexpected(method, array, "a list of records");
            }
            return list;
        }

        private static SkyPrepException Unexpected(string method, JToken token, string expected)
        {
            var said = SkyPrepResponseReader.MessageOf(token);
            var quoted = said == null ? "" : $": '{said}'";
            return new SkyPrepException(SkyPrepErrorKind.UnexpectedResponse, method, 200, said,
                $"SkyPrep answered {method} without {expected}{quoted}. If that is an error, fix what it names and run again; " +
                "otherwise the response shape differs from what the client expects (see docs/lms/skyprep.md).");
        }
    }
}
