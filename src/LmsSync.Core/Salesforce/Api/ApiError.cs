using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Api
{
    /// <summary>One entry of a REST error body: <c>[{"message":…,"errorCode":…,"fields":[…]}]</c>.</summary>
    internal sealed class ApiError
    {
        public ApiError(string errorCode, string message, IReadOnlyList<string> fields)
        {
            ErrorCode = errorCode;
            Message = message;
            Fields = fields;
        }

        public string ErrorCode { get; }

        public string Message { get; }

        public IReadOnlyList<string> Fields { get; }

        /// <summary>
        /// The first error of a Salesforce error body (array, or a single object some endpoints send),
        /// or null when the body is not one (HTML page, empty, other JSON).
        /// </summary>
        public static ApiError? TryParse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            JToken token;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(body!)) { DateParseHandling = DateParseHandling.None })
                    token = JToken.ReadFrom(reader);
            }
            catch (JsonException)
            {
                return null;
            }
            var first = token is JArray array && array.Count > 0 ? array[0] as JObject : token as JObject;
            var code = first?.Value<string>("errorCode");
            if (first == null || string.IsNullOrEmpty(code)) return null;
            var fields = new List<string>();
            if (first["fields"] is JArray list)
                foreach (var item in list)
                    if (item.Type == JTokenType.String) fields.Add((string)item!);
            return new ApiError(code!, first.Value<string>("message") ?? "", fields);
        }
    }
}
