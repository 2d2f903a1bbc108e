using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// An attribute path resolved against a resource type (RFC 7644 §3.10 <c>attrPath = [URI ":"] ATTRNAME *1subAttr</c>):
/// which schema, which attribute, which sub-attribute. Names are matched case-insensitively.
/// </summary>
internal sealed class ScimAttributeReference(ScimSchemaDefinition schema, ScimAttribute attribute, ScimAttribute? sub, bool isCore)
{
    public ScimSchemaDefinition Schema { get; } = schema;
    public ScimAttribute Attribute { get; } = attribute;
    public ScimAttribute? Sub { get; } = sub;
    public bool IsCore { get; } = isCore;

    /// <summary>The definition whose type and caseExact govern comparisons.</summary>
    public ScimAttribute Leaf => Sub ?? Attribute;

    /// <summary>Resolves <paramref name="text"/>; null with a reason when the type has no such attribute.</summary>
    public static ScimAttributeReference? Resolve(ScimResourceType type, string text, out string? problem)
    {
        problem = null;
        var schema = type.Core;
        var rest = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var match = new[] { type.Core }.Concat(type.Extensions)
                .FirstOrDefault(s => text.Length > s.Id.Length + 1 && text.StartsWith(s.Id + ":", StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                problem = $"'{text}' names a schema this resource type does not have.";
                return null;
            }
            schema = match;
            rest = text.Substring(match.Id.Length + 1);
        }
        var parts = rest.Split('.');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            problem = $"'{text}' is not an attribute path.";
            return null;
        }
        var attribute = schema.Attribute(parts[0]);
        if (attribute is null)
        {
            problem = $"'{parts[0]}' is not an attribute of {schema.Name}.";
            return null;
        }
        ScimAttribute? sub = null;
        if (parts.Length == 2)
        {
            sub = attribute.Sub(parts[1]);
            if (sub is null)
            {
                problem = $"'{parts[1]}' is not a sub-attribute of {attribute.Name}.";
                return null;
            }
        }
        return new ScimAttributeReference(schema, attribute, sub, ReferenceEquals(schema, type.Core));
    }

    /// <summary>The object holding the attribute: the resource for the core schema, the extension block otherwise.</summary>
    public JsonObject? Container(JsonObject resource, bool create)
    {
        if (IsCore) return resource;
        if (resource[Schema.Id] is JsonObject block) return block;
        if (!create) return null;
        block = new JsonObject();
        resource[Schema.Id] = block;
        return block;
    }

    /// <summary>
    /// The values a filter compares: for a multi-valued attribute every entry's sub-attribute (or "value"),
    /// for a complex one its sub-attribute, otherwise the value itself.
    /// </summary>
    public IEnumerable<JsonNode> ValuesIn(JsonObject resource)
    {
        var node = Container(resource, false)?[Attribute.Name];
        if (node is null) yield break;
        var subName = Sub?.Name ?? (Attribute.Type == ScimType.Complex ? Attribute.Sub("value")?.Name : null);
        var items = node is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : new[] { node };
        foreach (var item in items)
        {
            if (Attribute.Type == ScimType.Complex)
            {
                if (subName is not null && item is JsonObject entry && entry[subName] is { } value) yield return value;
            }
            else
            {
                yield return item;
            }
        }
    }

    /// <summary>The definition a comparison uses: for a complex attribute named without a sub-attribute, its "value".</summary>
    public ScimAttribute? ComparedDefinition => Sub ?? (Attribute.Type == ScimType.Complex ? Attribute.Sub("value") : Attribute);
}
