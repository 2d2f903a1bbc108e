using System;
using System.Globalization;
using System.Text.Json;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Value formats on the wire (salesforce-api.md §3.6). REST JSON writes datetimes as
/// <c>2026-09-30T21:20:00.000+0000</c> (UTC, no colon in the offset); Bulk 2.0 CSV as
/// <c>2026-09-30T21:20:00.000Z</c>. Dates are <c>yyyy-MM-dd</c> in both.
/// </summary>
internal static class WireFormat
{
    public static void WriteJson(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case decimal d:
                writer.WriteNumber(name, d);
                break;
            case DateTimeOffset dt:
                writer.WriteString(name, dt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"No wire format for {value.GetType().Name}.");
        }
    }

    public static string? ToFlatText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset dt => dt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No flat format for {value.GetType().Name}."),
    };

    /// <summary>The <c>attributes.url</c> of a record: <c>/services/data/v66.0/sobjects/User/005…</c>.</summary>
    public static string RecordUrl(string apiVersion, string objectName, string id)
    {
        var version = apiVersion.StartsWith('v') ? apiVersion : "v" + apiVersion;
        return $"/services/data/{version}/sobjects/{objectName}/{id}";
    }
}
