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
    /// <param name="returns">Whether a top-level attribute may be in the answer (null: all may); one that may not is not rendered.</param>
    public static JsonObject Resource(ScimResourceType type, ScimStored stored, string baseUrl, ScimBehaviour behaviour, ScimStore store, bool quirks, bool groups = true,
        Func<string, bool>? returns = null)
    {
        var isUser = ReferenceEquals(type, ScimSchemas.UserType);
        var wanted = returns ?? (_ => true);
        var json = new JsonObject
        {
            ["schemas"] = stored.Data["schemas"]?.DeepClone() ?? new JsonArray(JsonValue.Create(type.Core.Id)),
            ["id"] = stored.Id,
        };
        foreach (var (name, value) in stored.Data)
        {
            if (name == "schemas" || value is null || !wanted(name)) continue;
            if (type.Core.Attribute(name) is { ReturnedNever: true }) continue;
            json[name] = value.DeepClone();
        }
        var endpoint = baseUrl + "/scim/v2";
        if (isUser)
        {
            if (groups && wanted("groups")) AddGroups(json, stored, store, endpoint);
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
        if (wanted("meta"))
        {
            var meta = new JsonObject
            {
                ["resourceType"] = type.Name,
                ["created"] = ScimService.Iso(stored.Created),
                ["lastModified"] = ScimService.Iso(stored.LastModified),
                ["location"] = endpoint + type.Endpoint + "/" + stored.Id,
            };
            if (behaviour.EtagSupported) meta["version"] = stored.ETag;
            json["meta"] = meta;
        }
        if (quirks && behaviour.ActiveAsString && json["active"] is JsonValue active && active.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            json["active"] = active.GetValue<bool>() ? "True" : "False";
        }
        return json;
    }

    /// <summary>A user's computed <c>groups</c>: every group that lists it as a member.</summary>
    private static void AddGroups(JsonObject json, ScimStored stored, ScimStore store, string endpoint)
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
}
