using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// A stored resource as the client sees it: <c>id</c>, <c>meta</c> (with <c>version</c> when versioned),
/// computed <c>groups</c> of a user and <c>display</c>/<c>$ref</c> of group members, write-only attributes left
/// out, and the <c>active</c>-as-string quirk when switched on.
/// </summary>
internal static class ScimOutput
{
    public static JsonObject Resource(ScimResourceType type, ScimStored stored, string baseUrl, ScimBehaviour behaviour, ScimStore store, bool quirks, bool groups = true)
    {
        var isUser = ReferenceEquals(type, ScimSchemas.UserType);
        var json = new JsonObject
        {
            ["schemas"] = stored.Data["schemas"]?.DeepClone() ?? new JsonArray(JsonValue.Create(type.Core.Id)),
            ["id"] = stored.Id,
        };
        foreach (var (name, value) in stored.Data)
        {
            if (name == "schemas" || value is null) continue;
            if (type.Core.Attribute(name) is { ReturnedNever: true }) continue;
            json[name] = value.DeepClone();
        }
        var endpoint = baseUrl + "/scim/v2";
        if (isUser && groups)
        {
            var memberOf = store.Ordered(ScimSchemas.GroupType)
                .Where(g => g.Data["members"] is JsonArray members && members.OfType<JsonObject>().Any(m => m["value"]?.GetValue<string>() == stored.Id))
                .Select(g => (JsonNode)new JsonObject
                {
                    ["value"] = g.Id,
                    ["$ref"] = endpoint + "/Groups/" + g.Id,
                    ["display"] = g.Data["displayName"]?.DeepClone(),
                    ["type"] = "direct",
                }).ToArray();
            if (memberOf.Length > 0) json["groups"] = new JsonArray(memberOf);
        }
        else if (json["members"] is JsonArray members)
        {
            foreach (var member in members.OfType<JsonObject>())
            {
                var id = member["value"]?.GetValue<string>() ?? "";
                var memberType = member["type"]?.GetValue<string>() == "Group" ? ScimSchemas.GroupType : ScimSchemas.UserType;
                if (!store.Of(memberType).TryGetValue(id, out var target)) continue;
                member["$ref"] = endpoint + memberType.Endpoint + "/" + id;
                member["display"] = (target.Data["displayName"] ?? target.Data["userName"])?.DeepClone();
            }
        }
        var meta = new JsonObject
        {
            ["resourceType"] = type.Name,
            ["created"] = ScimService.Iso(stored.Created),
            ["lastModified"] = ScimService.Iso(stored.LastModified),
            ["location"] = endpoint + type.Endpoint + "/" + stored.Id,
        };
        if (behaviour.EtagSupported) meta["version"] = stored.ETag;
        json["meta"] = meta;
        if (quirks && behaviour.ActiveAsString && json["active"] is JsonValue active && active.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            json["active"] = active.GetValue<bool>() ? "True" : "False";
        }
        return json;
    }

    /// <summary>
    /// <c>attributes</c> / <c>excludedAttributes</c> (RFC 7644 §3.4.2.5) in attribute notation (§3.10): <c>name</c>,
    /// <c>name.givenName</c>, <c>emails.value</c> (that sub-attribute of every entry), <c>meta.version</c>,
    /// <c>urn:…:enterprise:2.0:User:department</c>, <c>urn:…:User:manager.value</c>, or an extension's whole URN.
    /// <c>id</c> and <c>schemas</c> are always returned; a name the resource type does not have selects nothing.
    /// </summary>
    public static JsonObject Project(ScimResourceType type, JsonObject resource, string? attributes, string? excludedAttributes)
    {
        var include = Paths(type, attributes);
        var exclude = Paths(type, excludedAttributes);
        if (include.Count > 0) Keep(resource, include, 0);
        foreach (var path in exclude) Drop(resource, path, 0);
        return resource;
    }

    /// <summary>Each name as the JSON keys that lead to it: an extension's attributes sit in the block named by its URN.</summary>
    private static List<string[]> Paths(ScimResourceType type, string? list)
    {
        var paths = new List<string[]>();
        foreach (var name in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                paths.Add(name.Split('.'));
                continue;
            }
            var schema = new[] { type.Core }.Concat(type.Extensions).FirstOrDefault(s =>
                name.Equals(s.Id, StringComparison.OrdinalIgnoreCase) || name.StartsWith(s.Id + ":", StringComparison.OrdinalIgnoreCase));
            if (schema is null) continue;
            var rest = name.Length == schema.Id.Length ? Array.Empty<string>() : name.Substring(schema.Id.Length + 1).Split('.');
            var keys = ReferenceEquals(schema, type.Core) ? rest : rest.Prepend(schema.Id).ToArray();
            if (keys.Length > 0) paths.Add(keys);
        }
        return paths;
    }

    /// <summary>Removes what no path names; a path that goes deeper keeps only the named parts of a complex value, or of each entry of a multi-valued one.</summary>
    private static void Keep(JsonObject node, List<string[]> paths, int depth)
    {
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            if (depth == 0 && name is "id" or "schemas") continue;
            var named = paths.Where(p => p.Length > depth && string.Equals(p[depth], name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 0) node.Remove(name);
            else if (named.All(p => p.Length > depth + 1)) InEach(node[name], inner => Keep(inner, named, depth + 1));
        }
    }

    private static void Drop(JsonObject node, string[] path, int depth)
    {
        var name = node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, path[depth], StringComparison.OrdinalIgnoreCase));
        if (name is null || (depth == 0 && name is "id" or "schemas")) return;
        if (path.Length == depth + 1) node.Remove(name);
        else InEach(node[name], inner => Drop(inner, path, depth + 1));
    }

    private static void InEach(JsonNode? value, Action<JsonObject> action)
    {
        if (value is JsonObject complex) action(complex);
        else if (value is JsonArray entries)
            foreach (var entry in entries.OfType<JsonObject>()) action(entry);
    }
}
