using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// <c>POST /Bulk</c> (RFC 7644 §3.7): operations in order, each with its own status (a string) and, for a
/// failure, its error as <c>response</c>; <c>bulkId:</c> references resolved; <c>failOnErrors</c>; 413 beyond
/// <c>maxOperations</c> or <c>maxPayloadSize</c>; 501 when bulk is switched off.
/// </summary>
internal static class ScimBulk
{
    public static async Task Handle(HttpContext http, ScimService service, string baseUrl)
    {
        var behaviour = service.Behaviour;
        if (!behaviour.BulkSupported) throw new ScimError(501, null, "This service does not support /Bulk (see /ServiceProviderConfig).");
        if (http.Request.ContentLength > behaviour.BulkMaxPayloadSize) throw TooLarge(behaviour);
        var (body, bytes) = await ScimHttp.ReadObject(http.Request);
        if (bytes > behaviour.BulkMaxPayloadSize) throw TooLarge(behaviour);
        if (ScimInput.Property(body, "schemas") is not JsonArray schemas || !schemas.Any(s => s?.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == ScimSchemas.BulkRequestUri))
            throw ScimError.InvalidSyntax($"A bulk body must have \"schemas\": [\"{ScimSchemas.BulkRequestUri}\"].");
        if (ScimInput.Property(body, "Operations") is not JsonArray operations || operations.Count == 0)
            throw ScimError.InvalidSyntax("A bulk body must have a non-empty \"Operations\" array.");
        if (operations.Count > behaviour.BulkMaxOperations)
            throw ScimError.PayloadTooLarge($"The bulk request has {operations.Count} operations; maxOperations is {behaviour.BulkMaxOperations}.");
        var failOnErrors = ScimInput.Property(body, "failOnErrors") is { } f && f.GetValueKind() == JsonValueKind.Number ? f.GetValue<int>() : int.MaxValue;

        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new JsonArray();
        var errors = 0;
        foreach (var node in operations)
        {
            if (errors >= failOnErrors) break;
            var result = Run(node as JsonObject, service, baseUrl, created);
            if (result["status"]!.GetValue<string>()[0] is '4' or '5') errors++;
            results.Add(result);
        }
        await ScimHttp.Write(http, behaviour, 200, new JsonObject
        {
            ["schemas"] = new JsonArray(JsonValue.Create(ScimSchemas.BulkResponseUri)),
            ["Operations"] = results,
        });
    }

    private static ScimError TooLarge(ScimBehaviour behaviour) =>
        ScimError.PayloadTooLarge($"The size of the bulk operation exceeds the maxPayloadSize ({behaviour.BulkMaxPayloadSize}).");

    private static JsonObject Run(JsonObject? operation, ScimService service, string baseUrl, Dictionary<string, string> created)
    {
        var method = (operation is null ? null : ScimInput.Property(operation, "method"))?.ToString()?.ToUpperInvariant() ?? "";
        var bulkId = operation is null ? null : ScimInput.Property(operation, "bulkId")?.ToString();
        var result = new JsonObject { ["method"] = method };
        if (bulkId is not null) result["bulkId"] = bulkId;
        try
        {
            if (operation is null) throw ScimError.InvalidSyntax("Each operation must be an object.");
            var path = ScimInput.Property(operation, "path")?.ToString() ?? throw ScimError.InvalidSyntax("A bulk operation needs a \"path\".");
            path = Resolve(JsonValue.Create(path), created)!.GetValue<string>();
            var version = ScimInput.Property(operation, "version")?.ToString();
            var data = ScimInput.Property(operation, "data") is JsonObject d ? (JsonObject)Resolve(d.DeepClone(), created)! : null;
            var segments = path.Trim('/').Split('/');
            var type = segments[0].Equals("Users", StringComparison.OrdinalIgnoreCase) ? ScimSchemas.UserType
                : segments[0].Equals("Groups", StringComparison.OrdinalIgnoreCase) ? ScimSchemas.GroupType
                : throw ScimError.InvalidPath($"'{path}' is not /Users or /Groups.");
            var id = segments.Length > 1 ? segments[1] : null;
            var location = baseUrl + ScimRoutes.Prefix + type.Endpoint + "/";
            ScimStored stored;
            switch (method)
            {
                case "POST" when id is null:
                    if (bulkId is null) throw ScimError.InvalidValue("A bulk POST needs a \"bulkId\".");
                    stored = service.Create(type, data ?? throw ScimError.InvalidSyntax("A bulk POST needs \"data\"."));
                    created[bulkId] = stored.Id;
                    result["status"] = "201";
                    break;
                case "PUT" when id is not null:
                    stored = service.Replace(type, id, data ?? throw ScimError.InvalidSyntax("A bulk PUT needs \"data\"."), version);
                    result["status"] = "200";
                    break;
                case "PATCH" when id is not null:
                    stored = service.Patch(type, id, data ?? throw ScimError.InvalidSyntax("A bulk PATCH needs \"data\"."), version);
                    result["status"] = "200";
                    break;
                case "DELETE" when id is not null:
                    service.Delete(type, id, version);
                    result["status"] = "204";
                    return result;
                default:
                    throw ScimError.InvalidSyntax($"'{method} {path}' is not a bulk operation (POST /Users, PUT|PATCH|DELETE /Users/{{id}}, same for /Groups).");
            }
            result["location"] = location + stored.Id;
            if (service.Behaviour.EtagSupported) result["version"] = stored.ETag;
            return result;
        }
        catch (ScimError e)
        {
            result["status"] = e.Status.ToString(CultureInfo.InvariantCulture);
            result["response"] = ScimHttp.ErrorBody(e);
            return result;
        }
    }

    /// <summary>Replaces <c>"bulkId:&lt;id&gt;"</c> strings with the id the earlier POST created (RFC 7644 §3.7.2).</summary>
    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, string> created)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList()) obj[name] = Resolve(value?.DeepClone(), created);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Resolve(array[i]?.DeepClone(), created);
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var at = text.IndexOf("bulkId:", StringComparison.Ordinal);
                if (at < 0) return value;
                var reference = text.Substring(at + "bulkId:".Length);
                return created.TryGetValue(reference, out var id) ? JsonValue.Create(text.Substring(0, at) + id)
                    : throw new ScimError(409, null, $"bulkId '{reference}' is not (yet) defined in this request.");
            default:
                return node;
        }
    }
}
