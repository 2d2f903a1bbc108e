using System.Linq;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>The discovery documents (RFC 7644 §4): ServiceProviderConfig (from the switches), ResourceTypes, Schemas.</summary>
internal static class ScimDiscovery
{
    public static JsonObject ServiceProviderConfig(ScimBehaviour behaviour, string endpoint) => new()
    {
        ["schemas"] = new JsonArray(JsonValue.Create("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig")),
        ["documentationUri"] = "https://datatracker.ietf.org/doc/html/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = behaviour.BulkSupported, ["maxOperations"] = behaviour.BulkMaxOperations, ["maxPayloadSize"] = behaviour.BulkMaxPayloadSize },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = behaviour.FilterMaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = behaviour.EtagSupported },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "A long-lived bearer token issued by the service (the Sandbox issues one per start; see sandbox.json).",
            ["specUri"] = "https://datatracker.ietf.org/doc/html/rfc6750",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = endpoint + "/ServiceProviderConfig" },
    };

    public static JsonObject ResourceType(ScimResourceType type, string endpoint) => new()
    {
        ["schemas"] = new JsonArray(JsonValue.Create("urn:ietf:params:scim:schemas:core:2.0:ResourceType")),
        ["id"] = type.Name,
        ["name"] = type.Name,
        ["endpoint"] = type.Endpoint,
        ["schema"] = type.Core.Id,
        ["schemaExtensions"] = new JsonArray(type.Extensions.Select(e => (JsonNode)new JsonObject { ["schema"] = e.Id, ["required"] = false }).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = endpoint + "/ResourceTypes/" + type.Name },
    };

    public static JsonObject Schema(ScimSchemaDefinition schema, string endpoint) => new()
    {
        ["schemas"] = new JsonArray(JsonValue.Create("urn:ietf:params:scim:schemas:core:2.0:Schema")),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)Attribute(a)).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = endpoint + "/Schemas/" + schema.Id },
    };

    private static JsonObject Attribute(ScimAttribute attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = attribute.Type switch
            {
                ScimType.Boolean => "boolean", ScimType.Complex => "complex", ScimType.DateTime => "dateTime",
                ScimType.Integer => "integer", ScimType.Reference => "reference", _ => "string",
            },
            ["multiValued"] = attribute.MultiValued,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
            ["mutability"] = attribute.Mutability switch
            {
                ScimMutability.ReadOnly => "readOnly", ScimMutability.Immutable => "immutable", ScimMutability.WriteOnly => "writeOnly", _ => "readWrite",
            },
            ["returned"] = attribute.ReturnedNever ? "never" : attribute.Name == "id" ? "always" : "default",
            ["uniqueness"] = attribute.Name is "userName" or "id" ? "server" : "none",
        };
        if (attribute.SubAttributes.Count > 0) json["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(s => (JsonNode)Attribute(s)).ToArray());
        return json;
    }
}
