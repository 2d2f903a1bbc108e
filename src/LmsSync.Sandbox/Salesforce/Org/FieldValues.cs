using System;
using System.Globalization;
using System.Text.Json;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// Turns a value a caller writes (a .NET value, or a <see cref="JsonElement"/> straight from a
/// request body) into the one representation the org stores for the field's type, refusing values
/// Salesforce would refuse with the same errorCode and message.
/// </summary>
internal static class FieldValues
{
    public static object? Coerce(SfFieldSchema field, object? value)
    {
        if (value is JsonElement json)
        {
            value = FromJson(json);
        }

        var type = field.Type;
        if (type == SfFieldTypes.Boolean)
        {
            // Checkboxes are never null in Salesforce: clearing one stores false.
            return value switch
            {
                null => BoxedBool.False,
                bool b => BoxedBool.Of(b),
                string s when bool.TryParse(s, out var parsed) => BoxedBool.Of(parsed),
                _ => throw WrongType(field, value),
            };
        }

        if (value is null)
        {
            return null;
        }

        if (SfFieldTypes.IsText(type))
        {
            if (value is not string text)
            {
                throw WrongType(field, value);
            }

            // Salesforce stores an empty text field as null; "blank" and "null" are the same thing.
            if (text.Length == 0)
            {
                return null;
            }

            if (field.Length > 0 && text.Length > field.Length)
            {
                throw new SfOrgException("STRING_TOO_LONG", $"{field.Label}: data value too large: {text} (max length={field.Length})", [field.Name]);
            }

            return text;
        }

        if (SfFieldTypes.IsIdLike(type))
        {
            if (value is string { Length: 0 })
            {
                return null;
            }

            if (value is not string id || !SalesforceId.TryNormalize(id, out var id18))
            {
                throw new SfOrgException("MALFORMED_ID", $"{field.Label}: id value of incorrect type: {value}", [field.Name]);
            }

            return id18;
        }

        return type switch
        {
            SfFieldTypes.Date => ToDate(field, value),
            SfFieldTypes.DateTime => ToDateTime(field, value),
            SfFieldTypes.Int or SfFieldTypes.Double or SfFieldTypes.Currency => ToNumber(field, value),
            _ => throw new InvalidOperationException($"No conversion for field type '{type}'."),
        };
    }

    /// <summary>Salesforce keeps datetimes to the millisecond, in UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => json.GetDecimal(),
        JsonValueKind.String => json.GetString(),
        _ => json.GetRawText(),
    };

    private static object ToDate(SfFieldSchema field, object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => throw WrongType(field, value),
    };

    private static object ToDateTime(SfFieldSchema field, object value) => value switch
    {
        DateTimeOffset dto => Truncate(dto),
        DateTime dt => Truncate(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind))),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) => Truncate(dto),
        _ => throw WrongType(field, value),
    };

    private static object ToNumber(SfFieldSchema field, object value)
    {
        decimal number;
        try
        {
            number = value switch
            {
                decimal m => m,
                int i => i,
                long l => l,
                double d => (decimal)d,
                float f => (decimal)f,
                string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw WrongType(field, value),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw WrongType(field, value);
        }

        if (field.Type == SfFieldTypes.Int && decimal.Truncate(number) != number)
        {
            throw WrongType(field, value);
        }

        return number;
    }

    private static SfOrgException WrongType(SfFieldSchema field, object value) =>
        new("INVALID_TYPE_ON_FIELD_IN_RECORD", $"{field.Label}: value not of required type: {value}", [field.Name]);
}
