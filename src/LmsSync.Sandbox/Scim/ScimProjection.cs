using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// <c>attributes</c> / <c>excludedAttributes</c> (RFC 7644 §3.4.2.5) in attribute notation (§3.10): <c>name</c>,
/// <c>name.givenName</c>, <c>emails.value</c> (that sub-attribute of every entry), <c>meta.version</c>,
/// <c>urn:…:enterprise:2.0:User:department</c>, <c>urn:…:User:manager.value</c>, or an extension's whole URN.
/// <c>id</c> and <c>schemas</c> are always returned; a name the resource type does not have selects nothing.
/// Parsed once per request into a tree of JSON keys, then applied to each resource of the answer.
/// </summary>
internal sealed class ScimProjection
{
    private readonly Level? _include;
    private readonly Level? _exclude;

    private ScimProjection(Level? include, Level? exclude, string key)
    {
        _include = include;
        _exclude = exclude;
        Key = key;
    }

    /// <summary>The two lists as asked (the first one's length first, so no two pairs share a key): equal keys project alike.</summary>
    public string Key { get; }

    public static ScimProjection Parse(ScimResourceType type, string? attributes, string? excludedAttributes) =>
        new(Tree(type, attributes), Tree(type, excludedAttributes),
            (attributes?.Length ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + attributes + "|" + excludedAttributes);

    public JsonObject Apply(JsonObject resource)
    {
        if (_include is not null) Keep(resource, _include, 0);
        if (_exclude is not null) Drop(resource, _exclude, 0);
        return resource;
    }

    /// <summary>
    /// Whether top-level attribute <paramref name="name"/> can be in the answer after <see cref="Apply"/>, so rendering
    /// can leave out one that cannot (<c>id</c> and <c>schemas</c> always can).
    /// </summary>
    public bool Returns(string name)
    {
        if (name is "id" or "schemas") return true;
        if (_include is not null && !_include.ContainsKey(name)) return false;
        return !(_exclude is not null && _exclude.TryGetValue(name, out var below) && below is null);
    }

    /// <summary>JSON keys by name, ignoring case; a null entry means the whole value (a shorter name covers its longer ones).</summary>
    private sealed class Level() : Dictionary<string, Level?>(StringComparer.OrdinalIgnoreCase);

    private static Level? Tree(ScimResourceType type, string? list)
    {
        Level? root = null;
        foreach (var name in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var keys = Keys(type, name);
            if (keys.Length == 0) continue;
            var level = root ??= new Level();
            for (var i = 0; i < keys.Length; i++)
            {
                var last = i == keys.Length - 1;
                if (level.TryGetValue(keys[i], out var below) && below is null) break; // already whole
                if (last)
                {
                    level[keys[i]] = null;
                    break;
                }
                level = level[keys[i]] = below ?? new Level();
            }
        }
        return root;
    }

    /// <summary>The JSON keys that lead to a name: an extension's attributes sit in the block named by its URN.</summary>
    private static string[] Keys(ScimResourceType type, string name)
    {
        if (!name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)) return name.Split('.');
        var schema = new[] { type.Core }.Concat(type.Extensions).FirstOrDefault(s =>
            name.Equals(s.Id, StringComparison.OrdinalIgnoreCase) || name.StartsWith(s.Id + ":", StringComparison.OrdinalIgnoreCase));
        if (schema is null) return Array.Empty<string>();
        var rest = name.Length == schema.Id.Length ? Array.Empty<string>() : name.Substring(schema.Id.Length + 1).Split('.');
        return ReferenceEquals(schema, type.Core) ? rest : rest.Prepend(schema.Id).ToArray();
    }

    /// <summary>Removes what the tree does not name; a name that goes deeper keeps only the named parts of a complex value, or of each entry of a multi-valued one.</summary>
    private static void Keep(JsonObject node, Level level, int depth)
    {
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            if (depth == 0 && name is "id" or "schemas") continue;
            if (!level.TryGetValue(name, out var below)) node.Remove(name);
            else if (below is not null) InEach(node[name], inner => Keep(inner, below, depth + 1));
        }
    }

    private static void Drop(JsonObject node, Level level, int depth)
    {
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            if ((depth == 0 && name is "id" or "schemas") || !level.TryGetValue(name, out var below)) continue;
            if (below is null) node.Remove(name);
            else InEach(node[name], inner => Drop(inner, below, depth + 1));
        }
    }

    private static void InEach(JsonNode? value, Action<JsonObject> action)
    {
        if (value is JsonObject complex) action(complex);
        else if (value is JsonArray entries)
            foreach (var entry in entries.OfType<JsonObject>()) action(entry);
    }
}
