using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// Checks what a client sends against the schema and stores it under the canonical attribute names
/// (names are case-insensitive on the wire, RFC 7643 §2.1). Strict, so client bugs fail here:
/// unknown attributes, an extension block not named in <c>schemas</c>, wrong value types are 400s.
/// Read-only attributes sent by the client are ignored (RFC 7643 §2.2).
/// </summary>
internal static class ScimInput
{
    /// <summary>A whole resource (POST, PUT): returns it canonical, with <c>schemas</c> normalised.</summary>
    public static JsonObject Resource(ScimResourceType type, JsonObject body)
    {
        if (Property(body, "schemas") is not JsonArray schemas || schemas.Any(s => s?.GetValueKind() != JsonValueKind.String))
            throw ScimError.InvalidSyntax($"The body must have \"schemas\": [\"{type.Core.Id}\", …].");
        var declared = schemas.Select(s => s!.GetValue<string>()).ToList();
        if (!declared.Contains(type.Core.Id, StringComparer.OrdinalIgnoreCase))
            throw ScimError.InvalidSyntax($"\"schemas\" must include {type.Core.Id}.");
        foreach (var uri in declared.Where(u => type.Schema(u) is null))
            throw ScimError.InvalidSyntax($"\"schemas\" names {uri}, which is not a schema of {type.Name} (see /ResourceTypes).");

        var result = new JsonObject { ["schemas"] = new JsonArray(JsonValue.Create(type.Core.Id)) };
        foreach (var (name, value) in body)
        {
            if (name.Equals("schemas", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                var extension = type.Extension(name) ?? throw ScimError.InvalidSyntax($"'{name}' is not an extension of {type.Name}.");
                if (!declared.Contains(extension.Id, StringComparer.OrdinalIgnoreCase))
                    throw ScimError.InvalidSyntax($"The body has a '{extension.Id}' block but does not name it in \"schemas\" (RFC 7643 §3).");
                if (value is not JsonObject block) throw ScimError.InvalidSyntax($"'{extension.Id}' must be an object of its attributes.");
                var normalised = new JsonObject();
                foreach (var (attributeName, attributeValue) in block)
                {
                    var definition = extension.Attribute(attributeName) ?? throw ScimError.InvalidSyntax($"'{attributeName}' is not an attribute of {extension.Id}.");
                    if (definition.Mutability == ScimMutability.ReadOnly || attributeValue is null) continue;
                    normalised[definition.Name] = Value(definition, attributeValue, definition.Name);
                }
                result[extension.Id] = normalised;
                ((JsonArray)result["schemas"]!).Add(extension.Id);
                continue;
            }
            var attribute = type.Core.Attribute(name) ?? throw ScimError.InvalidSyntax($"'{name}' is not an attribute of {type.Name}.");
            if (attribute.Mutability == ScimMutability.ReadOnly || value is null) continue;
            result[attribute.Name] = Value(attribute, value, attribute.Name);
        }
        return result;
    }

    /// <summary>One attribute's value, checked against its definition; <paramref name="asEntry"/> for one entry of a multi-valued attribute.</summary>
    public static JsonNode Value(ScimAttribute definition, JsonNode value, string where, bool asEntry = false)
    {
        if (definition.MultiValued && !asEntry)
        {
            if (value is not JsonArray array) throw ScimError.InvalidSyntax($"'{where}' is multi-valued: send an array.");
            var entries = new JsonArray();
            foreach (var entry in array)
            {
                if (entry is null) continue;
                entries.Add(Value(definition, entry, where, asEntry: true));
            }
            return entries;
        }
        switch (definition.Type)
        {
            case ScimType.Complex:
                if (value is not JsonObject complex) throw ScimError.InvalidSyntax($"'{where}' is complex: send an object of its sub-attributes.");
                var result = new JsonObject();
                foreach (var (name, subValue) in complex)
                {
                    var sub = definition.Sub(name) ?? throw ScimError.InvalidSyntax($"'{name}' is not a sub-attribute of {definition.Name}.");
                    if (sub.Mutability == ScimMutability.ReadOnly || subValue is null) continue;
                    result[sub.Name] = Value(sub, subValue, where + "." + sub.Name);
                }
                return result;
            case ScimType.Boolean:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    throw ScimError.InvalidValue($"'{where}' is a boolean: send true or false, not {value.ToJsonString()}.");
                return JsonValue.Create(value.GetValue<bool>());
            case ScimType.Integer:
                if (value.GetValueKind() != JsonValueKind.Number) throw ScimError.InvalidValue($"'{where}' is an integer.");
                return value.DeepClone();
            case ScimType.DateTime:
                if (value.GetValueKind() != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                    throw ScimError.InvalidValue($"'{where}' is an xsd:dateTime string.");
                return value.DeepClone();
            default:
                if (value.GetValueKind() != JsonValueKind.String) throw ScimError.InvalidValue($"'{where}' is a string: send it in quotes, not {value.ToJsonString()}.");
                return JsonValue.Create(value.GetValue<string>());
        }
    }

    public static JsonNode? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
