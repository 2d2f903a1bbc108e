using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// Writes a JSON answer as the simple XML the vendor's samples show: root <c>&lt;response&gt;</c>, one element per
/// property, array items as repeated singular elements (<c>&lt;userProfiles&gt;&lt;userProfile&gt;</c>, ids as <c>&lt;id&gt;</c>).
/// </summary>
internal static class ISpringXml
{
    private static readonly Dictionary<string, string> ItemNames = new()
    {
        ["userProfiles"] = "userProfile",
        ["departments"] = "department",
        ["groups"] = "id",
        ["userIds"] = "id",
        ["manageableDepartmentIds"] = "id",
        ["userRoles"] = "userRole",
        ["fields"] = "field",
        ["values"] = "value",
    };

    public static string Write(JsonNode body)
    {
        var root = new XElement("response");
        Fill(root, body, "item");
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString();
    }

    private static void Fill(XElement element, JsonNode? node, string itemName)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj:
                foreach (var property in obj)
                {
                    var child = new XElement(XmlConvert.EncodeLocalName(property.Key));
                    Fill(child, property.Value, ItemNames.TryGetValue(property.Key, out var name) ? name : "item");
                    element.Add(child);
                }
                return;
            case JsonArray array:
                foreach (var item in array)
                {
                    var child = new XElement(itemName);
                    Fill(child, item, "item");
                    element.Add(child);
                }
                return;
            default:
                var value = node.AsValue();
                element.Value = value.GetValueKind() switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.ToString(),
                };
                return;
        }
    }
}
