using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Admin;

/// <summary>
/// Turns an admin call's JSON field values into the org's value types by the field's describe type:
/// strings, booleans, numbers as decimal, dates (<c>yyyy-MM-dd</c>) and datetimes (ISO 8601).
/// Unknown fields pass through by name so the org answers them with its own INVALID_FIELD.
/// </summary>
internal static class AdminFieldValues
{
    public static Dictionary<string, object?> Convert(SfObjectSchema type, JsonObject body)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in body)
        {
            values[name] = node is null ? null : Value(type.FindField(name)?.Type, node);
        }
        return values;
    }

    private static object? Value(string? fieldType, JsonNode node)
    {
        var element = node.GetValue<JsonElement>();
        switch (element.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number: return element.GetDecimal();
            case JsonValueKind.String:
                var text = element.GetString()!;
                return fieldType switch
                {
                    "date" => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "datetime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
                    _ => text,
                };
            default:
                throw new FormatException($"A field value must be a string, number, boolean or null, not {element.ValueKind}.");
        }
    }
}
