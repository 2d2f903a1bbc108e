using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// Applies a PatchOp message (RFC 7644 §3.5.2) to a copy of a stored resource: add/replace/remove, with or
/// without <c>path</c>; paths <c>attr</c>, <c>attr.sub</c>, <c>urn:…:attr[.sub]</c>, <c>attr[filter]</c>,
/// <c>attr[filter].sub</c>. Errors are the RFC's: invalidSyntax, invalidPath, noTarget, mutability, invalidValue.
/// </summary>
internal sealed class ScimPatcher(ScimResourceType type, ScimBehaviour behaviour)
{
    private static readonly Regex EqConstraint = new("([A-Za-z$][A-Za-z0-9_$-]*)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public JsonObject Apply(JsonObject stored, JsonObject message)
    {
        if (ScimInput.Property(message, "schemas") is not JsonArray schemas ||
            !schemas.Any(s => s?.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == ScimSchemas.PatchOpUri))
            throw ScimError.InvalidSyntax($"A PATCH body must have \"schemas\": [\"{ScimSchemas.PatchOpUri}\"].");
        if (ScimInput.Property(message, "Operations") is not JsonArray operations || operations.Count == 0)
            throw ScimError.InvalidSyntax("A PATCH body must have a non-empty \"Operations\" array.");

        var resource = (JsonObject)stored.DeepClone();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation) throw ScimError.InvalidSyntax("Each of \"Operations\" must be an object.");
            var op = Op(operation);
            var pathNode = ScimInput.Property(operation, "path");
            var value = ScimInput.Property(operation, "value");
            if (pathNode is null)
            {
                ApplyWithoutPath(resource, op, value);
                continue;
            }
            if (pathNode.GetValueKind() != JsonValueKind.String) throw ScimError.InvalidPath("\"path\" must be a string.");
            var path = Parse(pathNode.GetValue<string>());
            if (behaviour.PathlessActiveOnly && path.Reference.IsCore && path.Reference.Attribute.Name == "active")
                throw ScimError.InvalidPath("This service sets active only with a path-less operation: {\"op\":\"replace\",\"value\":{\"active\":false}}.");
            ApplyAt(resource, op, path, value);
        }
        Tidy(resource);
        return resource;
    }

    private string Op(JsonObject operation)
    {
        var node = ScimInput.Property(operation, "op");
        var op = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        if (op is "add" or "remove" or "replace") return op;
        if (op is not null && behaviour.AcceptPascalCaseOps && op.ToLowerInvariant() is "add" or "remove" or "replace") return op.ToLowerInvariant();
        throw ScimError.InvalidSyntax($"\"op\" must be \"add\", \"remove\" or \"replace\", not {(node is null ? "missing" : node.ToJsonString())}.");
    }

    private void ApplyWithoutPath(JsonObject resource, string op, JsonNode? value)
    {
        if (op == "remove") throw ScimError.NoTarget("A remove operation needs a \"path\".");
        if (value is not JsonObject partial) throw ScimError.InvalidSyntax($"An {op} without \"path\" needs an object \"value\" naming the attributes.");
        foreach (var (name, attributeValue) in partial)
        {
            if (name.Equals("schemas", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && type.Extension(name) is { } extension)
            {
                if (attributeValue is not JsonObject block) throw ScimError.InvalidSyntax($"'{name}' must be an object of its attributes.");
                foreach (var (inner, innerValue) in block) ApplyAt(resource, op, Parse(extension.Id + ":" + inner), innerValue);
                continue;
            }
            ApplyAt(resource, op, Parse(name), attributeValue);
        }
    }

    private sealed record PatchPath(ScimAttributeReference Reference, ScimFilterNode? Filter, string? FilterText, ScimAttribute? SubAfterFilter, string Text);

    private PatchPath Parse(string text)
    {
        var bracket = text.IndexOf('[');
        if (bracket < 0)
        {
            var reference = ScimAttributeReference.Resolve(type, text, out var problem) ?? throw ScimError.InvalidPath($"Invalid path '{text}': {problem}");
            return new PatchPath(reference, null, null, null, text);
        }
        var close = ClosingBracket(text, bracket) ?? throw ScimError.InvalidPath($"Invalid path '{text}': '[' is not closed.");
        var attributeText = text.Substring(0, bracket);
        var filterText = text.Substring(bracket + 1, close - bracket - 1);
        var after = text.Substring(close + 1);
        var parent = ScimAttributeReference.Resolve(type, attributeText, out var why) ?? throw ScimError.InvalidPath($"Invalid path '{text}': {why}");
        if (parent.Sub is not null || !parent.Attribute.MultiValued || parent.Attribute.Type != ScimType.Complex)
            throw ScimError.InvalidPath($"Invalid path '{text}': only a multi-valued complex attribute takes a [filter].");
        ScimFilterNode filter;
        try
        {
            filter = ScimFilterParser.ParseValueFilter(type, parent, filterText);
        }
        catch (ScimError e)
        {
            throw ScimError.InvalidPath($"Invalid path '{text}': {e.Detail}");
        }
        ScimAttribute? sub = null;
        if (after.Length > 0)
        {
            if (!after.StartsWith('.') || parent.Attribute.Sub(after.Substring(1)) is not { } found)
                throw ScimError.InvalidPath($"Invalid path '{text}': '{after}' is not a sub-attribute of {parent.Attribute.Name}.");
            sub = found;
        }
        return new PatchPath(parent, filter, filterText, sub, text);
    }

    private static int? ClosingBracket(string text, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted) { i++; continue; }
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == ']' && !quoted) return i;
        }
        return null;
    }

    private void ApplyAt(JsonObject resource, string op, PatchPath path, JsonNode? value)
    {
        var reference = path.Reference;
        var attribute = reference.Attribute;
        var target = path.SubAfterFilter ?? reference.Sub;
        if (attribute.Mutability == ScimMutability.ReadOnly || target?.Mutability == ScimMutability.ReadOnly)
            throw ScimError.Mutability($"'{path.Text}' is read-only.");
        // A null value (or an empty array) in add/replace means "no value" (RFC 7644 §3.5.2.3 treats it as remove).
        if (op != "remove" && (value is null || value is JsonArray { Count: 0 } && path.Filter is null && reference.Sub is null && attribute.MultiValued))
        {
            if (op == "replace") Remove(resource, path, tolerateMissing: true);
            return;
        }
        if (op == "remove")
        {
            Remove(resource, path, tolerateMissing: path.Filter is null);
            return;
        }
        var container = reference.Container(resource, create: true)!;

        if (path.Filter is not null)
        {
            var entries = container[attribute.Name] as JsonArray;
            var matched = entries?.OfType<JsonObject>().Where(path.Filter.Matches).ToList() ?? new List<JsonObject>();
            if (matched.Count == 0)
            {
                if (op == "replace") throw ScimError.NoTarget($"'{path.Text}' matches no value.");
                // add with a value path that matches nothing: a new entry with the filter's eq values.
                var entry = new JsonObject();
                foreach (Match m in EqConstraint.Matches(path.FilterText!))
                {
                    if (attribute.Sub(m.Groups[1].Value) is { } sub) entry[sub.Name] = JsonValue.Create(JsonSerializer.Deserialize<string>("\"" + m.Groups[2].Value + "\""));
                }
                if (path.SubAfterFilter is { } s) entry[s.Name] = ScimInput.Value(s, value!, path.Text);
                else foreach (var (k, v) in (JsonObject)ScimInput.Value(attribute, value!, path.Text, asEntry: true)) entry[k] = v?.DeepClone();
                if (entries is null) container[attribute.Name] = entries = new JsonArray();
                entries.Add(entry);
                return;
            }
            foreach (var entry in matched)
            {
                if (path.SubAfterFilter is { } sub) entry[sub.Name] = ScimInput.Value(sub, value!, path.Text);
                else if (op == "replace")
                {
                    var replacement = (JsonObject)ScimInput.Value(attribute, value!, path.Text, asEntry: true);
                    foreach (var key in entry.Select(p => p.Key).ToList()) entry.Remove(key);
                    foreach (var (k, v) in replacement) entry[k] = v?.DeepClone();
                }
                else foreach (var (k, v) in (JsonObject)ScimInput.Value(attribute, value!, path.Text, asEntry: true)) entry[k] = v?.DeepClone();
            }
            return;
        }

        if (reference.Sub is { } subAttribute)
        {
            var typed = ScimInput.Value(subAttribute, value!, path.Text);
            if (attribute.MultiValued)
            {
                if (container[attribute.Name] is not JsonArray all || all.Count == 0) throw ScimError.NoTarget($"'{path.Text}' has no values to set.");
                foreach (var entry in all.OfType<JsonObject>()) entry[subAttribute.Name] = typed.DeepClone();
                return;
            }
            if (container[attribute.Name] is not JsonObject complex) container[attribute.Name] = complex = new JsonObject();
            complex[subAttribute.Name] = typed;
            return;
        }

        if (attribute.MultiValued)
        {
            var incoming = (JsonArray)ScimInput.Value(attribute, value is JsonArray ? value : new JsonArray(value!.DeepClone()), path.Text);
            if (op == "replace" || container[attribute.Name] is not JsonArray existing)
            {
                container[attribute.Name] = incoming;
                return;
            }
            // add: values already there (same "value") are not added twice.
            foreach (var entry in incoming.ToList())
            {
                var key = (entry as JsonObject)?["value"]?.ToJsonString();
                if (key is not null && existing.OfType<JsonObject>().Any(e => e["value"]?.ToJsonString() == key)) continue;
                existing.Add(entry!.DeepClone());
            }
            return;
        }
        var normalised = ScimInput.Value(attribute, value!, path.Text);
        if (attribute.Type == ScimType.Complex && container[attribute.Name] is JsonObject current)
        {
            foreach (var (k, v) in (JsonObject)normalised) current[k] = v?.DeepClone();
            return;
        }
        container[attribute.Name] = normalised;
    }

    private static void Remove(JsonObject resource, PatchPath path, bool tolerateMissing)
    {
        var reference = path.Reference;
        var attribute = reference.Attribute;
        var container = reference.Container(resource, create: false);
        if (path.Filter is not null)
        {
            var entries = container?[attribute.Name] as JsonArray;
            var matched = entries?.OfType<JsonObject>().Where(path.Filter.Matches).ToList() ?? new List<JsonObject>();
            if (matched.Count == 0)
            {
                if (tolerateMissing) return;
                throw ScimError.NoTarget($"'{path.Text}' matches no value.");
            }
            foreach (var entry in matched)
            {
                if (path.SubAfterFilter is { } sub) entry.Remove(sub.Name);
                else entries!.Remove(entry);
            }
            if (entries!.Count == 0) container!.Remove(attribute.Name);
            return;
        }
        if (container is null) return;
        if (reference.Sub is { } subAttribute)
        {
            var node = container[attribute.Name];
            if (node is JsonObject complex) complex.Remove(subAttribute.Name);
            else if (node is JsonArray array) foreach (var entry in array.OfType<JsonObject>()) entry.Remove(subAttribute.Name);
            return;
        }
        if (attribute.Required) throw ScimError.InvalidValue($"'{attribute.Name}' is required and cannot be removed.");
        container.Remove(attribute.Name);
    }

    /// <summary>Drops emptied complex values and extension blocks, and lists exactly the extensions present in "schemas".</summary>
    private void Tidy(JsonObject resource)
    {
        foreach (var (name, value) in resource.ToList())
        {
            if (value is JsonObject { Count: 0 } && name != "meta") resource.Remove(name);
            if (value is JsonArray { Count: 0 }) resource.Remove(name);
        }
        var schemas = new JsonArray(JsonValue.Create(type.Core.Id));
        foreach (var extension in type.Extensions)
        {
            if (resource[extension.Id] is JsonObject block)
            {
                foreach (var (name, value) in block.ToList())
                {
                    if (value is JsonObject { Count: 0 }) block.Remove(name);
                }
                if (block.Count == 0) resource.Remove(extension.Id);
                else schemas.Add(extension.Id);
            }
        }
        resource["schemas"] = schemas;
    }
}
