using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.ISpring;

/// <summary>Strict readers for request bodies and query strings: a wrong type is a 400, never a silent default.</summary>
internal static class ISpringRequest
{
    /// <summary>The JSON object body. The emulator reads JSON bodies only (the real API also takes XML; our client never sends it).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ISpringApiError(415, $"Send the body as application/json (got '{type}'); this emulator does not read XML bodies.");
        try
        {
            var node = await JsonNode.ParseAsync(request.Body);
            return node as JsonObject ?? throw new ISpringApiError(400, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ISpringApiError(400, "The request body is not valid JSON: " + e.Message);
        }
    }

    public static string? String(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw new ISpringApiError(400, $"{name} must be a string.");
    }

    public static bool? Bool(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        throw new ISpringApiError(400, $"{name} must be true or false.");
    }

    public static int Int(JsonObject body, string name)
    {
        var node = body[name] ?? throw new ISpringApiError(400, $"{name} is required.");
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
        throw new ISpringApiError(400, $"{name} must be a whole number.");
    }

    public static IReadOnlyList<string>? StringList(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null) return null;
        if (node is not JsonArray array) throw new ISpringApiError(400, $"{name} must be an array of strings.");
        return array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ISpringApiError(400, $"{name} must be an array of strings.")).ToList();
    }

    public static IReadOnlyList<string> RequiredStringList(JsonObject body, string name) =>
        StringList(body, name) ?? throw new ISpringApiError(400, $"{name} is required.");

    /// <summary><c>fields</c> on a write: the object form only (<c>{"login":"…"}</c>); values strings or null (null/"" clears).</summary>
    public static Dictionary<string, string?>? Fields(JsonObject body)
    {
        var node = body["fields"];
        if (node is null) return null;
        if (node is not JsonObject obj) throw new ISpringApiError(400, "fields must be an object of field name to value, e.g. {\"login\":\"ann\",\"email\":\"ann@example.com\"}.");
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj)
        {
            if (property.Value is null) fields[property.Key] = null;
            else if (property.Value is JsonValue v && v.TryGetValue<string>(out var s)) fields[property.Key] = s;
            else throw new ISpringApiError(400, $"fields.{property.Key} must be a string.");
        }
        return fields;
    }

    /// <summary>A repeated query parameter such as <c>emails[]=a&amp;emails[]=b</c>.</summary>
    public static IReadOnlyList<string> QueryList(HttpRequest request, string name) =>
        request.Query[name + "[]"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public static ISpringUserFilter Filter(HttpRequest request) => new()
    {
        Departments = QueryList(request, "departments"),
        Groups = QueryList(request, "groups"),
        Logins = QueryList(request, "logins"),
        Emails = QueryList(request, "emails"),
        UserIds = QueryList(request, "userIds"),
    };
}
