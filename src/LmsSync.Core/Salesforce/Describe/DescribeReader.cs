using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>Reads a describe answer into <see cref="SObjectDescription"/>, tolerating absent optional properties.</summary>
    internal static class DescribeReader
    {
        public static SObjectDescription Read(JsonReader reader)
        {
            if (!(JToken.ReadFrom(reader) is JObject json)) throw new InvalidDataException("the describe answer is not an object");
            var name = json.Value<string>("name");
            if (string.IsNullOrEmpty(name) || !(json["fields"] is JArray list)) throw new InvalidDataException("the describe answer lacks name or fields");
            var fields = new List<FieldDescription>(list.Count);
            foreach (var item in list)
            {
                if (!(item is JObject field)) continue;
                var fieldName = field.Value<string>("name");
                if (string.IsNullOrEmpty(fieldName)) continue;
                var referenceTo = new List<string>();
                if (field["referenceTo"] is JArray targets)
                    foreach (var target in targets)
                        if (target.Type == JTokenType.String) referenceTo.Add((string)target!);
                fields.Add(new FieldDescription(
                    fieldName!,
                    field.Value<string>("label") ?? fieldName!,
                    field.Value<string>("type") ?? "string",
                    referenceTo,
                    field.Value<string>("relationshipName"),
                    field.Value<bool?>("nillable") ?? true,
                    field.Value<bool?>("custom") ?? false,
                    field.Value<int?>("length") ?? 0,
                    field.Value<bool?>("filterable") ?? true));
            }
            return new SObjectDescription(name!, json.Value<string>("label") ?? name!, json.Value<string>("keyPrefix"), fields);
        }
    }
}
