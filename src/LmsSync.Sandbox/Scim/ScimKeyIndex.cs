using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// Ids by the values clients look resources up by (users: userName, externalId, emails.value; groups: displayName,
/// externalId), compared case-insensitively. It answers the uniqueness check and <c>eq</c> filters (and <c>or</c> chains of
/// them) without rendering every resource, which at 100,000 users made each create and each lookup a full scan. It gives
/// candidates only: the filter itself still decides on each candidate, so matching semantics are unchanged.
/// Built whole when the store is reset or seeded, then kept up to date by the service's writes: never built by a read,
/// so reads, which may run at once, only look it up.
/// </summary>
internal sealed class ScimKeyIndex(ScimStore store)
{
    private static readonly string[] UserPaths = { "username", "externalid", "emails.value" };
    private static readonly string[] GroupPaths = { "displayname", "externalid" };

    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _keysOf = new(StringComparer.Ordinal);

    /// <summary>Indexes every resource of the store anew (after it was reset or seeded).</summary>
    public void Rebuild()
    {
        _ids.Clear();
        _keysOf.Clear();
        foreach (var type in new[] { ScimSchemas.UserType, ScimSchemas.GroupType })
            foreach (var stored in store.Of(type).Values) Add(type, stored);
    }

    /// <summary>Indexes a created or changed resource (its old values are forgotten first).</summary>
    public void Put(ScimResourceType type, ScimStored stored)
    {
        Forget(type, stored.Id);
        Add(type, stored);
    }

    public void Remove(ScimResourceType type, string id) => Forget(type, id);

    /// <summary>Ids whose attribute at <paramref name="path"/> (lower case, e.g. <c>username</c>) may equal <paramref name="value"/>.</summary>
    public IReadOnlyCollection<string> Find(ScimResourceType type, string path, string value) =>
        _ids.TryGetValue(Key(type, path, value), out var ids) ? ids : Array.Empty<string>();

    /// <summary>
    /// The ids a filter can match, when it is an <c>eq</c> on <c>id</c> or an indexed attribute, or an <c>or</c> of such;
    /// null when the filter needs a scan.
    /// </summary>
    public HashSet<string>? Candidates(ScimResourceType type, ScimFilterNode node)
    {
        switch (node)
        {
            case ScimOrNode or:
                var left = Candidates(type, or.Left);
                var right = left is null ? null : Candidates(type, or.Right);
                if (left is null || right is null) return null;
                left.UnionWith(right);
                return left;
            case ScimCompareNode { Operator: "eq", Literal: JsonValue literal } compare when literal.TryGetValue<string>(out var value):
                var path = compare.AttributeText.ToLowerInvariant();
                if (path == "id") return store.Of(type).ContainsKey(value) ? new HashSet<string>(StringComparer.Ordinal) { value } : new HashSet<string>(StringComparer.Ordinal);
                if (!PathsOf(type).Contains(path)) return null;
                return new HashSet<string>(Find(type, path, value), StringComparer.Ordinal);
            default:
                return null;
        }
    }

    private void Add(ScimResourceType type, ScimStored stored)
    {
        var keys = new List<string>();
        foreach (var path in PathsOf(type))
            foreach (var value in ValuesAt(stored.Data, path))
            {
                var key = Key(type, path, value);
                if (!_ids.TryGetValue(key, out var set)) _ids[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(stored.Id);
                keys.Add(key);
            }
        _keysOf[Owner(type, stored.Id)] = keys;
    }

    private void Forget(ScimResourceType type, string id)
    {
        if (!_keysOf.Remove(Owner(type, id), out var keys)) return;
        foreach (var key in keys)
            if (_ids.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0) _ids.Remove(key);
    }

    private static IEnumerable<string> ValuesAt(JsonObject data, string path)
    {
        if (path == "emails.value")
        {
            if (data["emails"] is JsonArray emails)
                foreach (var email in emails.OfType<JsonObject>())
                    if (email["value"] is JsonValue v && v.TryGetValue<string>(out var text)) yield return text;
            yield break;
        }
        var name = path switch { "username" => "userName", "externalid" => "externalId", _ => "displayName" };
        if (data[name] is JsonValue value && value.TryGetValue<string>(out var single)) yield return single;
    }

    private static string[] PathsOf(ScimResourceType type) => ReferenceEquals(type, ScimSchemas.UserType) ? UserPaths : GroupPaths;

    private static string Owner(ScimResourceType type, string id) => (ReferenceEquals(type, ScimSchemas.UserType) ? "U|" : "G|") + id;

    private static string Key(ScimResourceType type, string path, string value) =>
        (ReferenceEquals(type, ScimSchemas.UserType) ? "U|" : "G|") + path + "|" + value.ToUpperInvariant();
}
