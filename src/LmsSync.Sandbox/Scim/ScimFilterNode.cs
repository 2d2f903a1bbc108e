using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>A parsed filter (RFC 7644 §3.4.2.2), evaluated against a resource or, inside a value path, one entry.</summary>
internal abstract class ScimFilterNode
{
    public abstract bool Matches(JsonObject target);
}

internal sealed class ScimAndNode(ScimFilterNode left, ScimFilterNode right) : ScimFilterNode
{
    public override bool Matches(JsonObject target) => left.Matches(target) && right.Matches(target);
}

internal sealed class ScimOrNode(ScimFilterNode left, ScimFilterNode right) : ScimFilterNode
{
    public ScimFilterNode Left => left;
    public ScimFilterNode Right => right;

    public override bool Matches(JsonObject target) => left.Matches(target) || right.Matches(target);
}

internal sealed class ScimNotNode(ScimFilterNode inner) : ScimFilterNode
{
    public override bool Matches(JsonObject target) => !inner.Matches(target);
}

/// <summary><c>attr pr</c>: has a non-empty value.</summary>
internal sealed class ScimPresentNode(Func<JsonObject, IEnumerable<JsonNode>> values) : ScimFilterNode
{
    public override bool Matches(JsonObject target) => values(target).Any(v =>
        !(v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0) && !(v is JsonArray { Count: 0 }));
}

/// <summary><c>emails[type eq "work"]</c>: some entry of a multi-valued attribute matches the inner filter.</summary>
internal sealed class ScimValuePathNode(ScimAttributeReference attribute, ScimFilterNode inner) : ScimFilterNode
{
    public override bool Matches(JsonObject target)
    {
        var node = attribute.Container(target, false)?[attribute.Attribute.Name];
        var entries = node is JsonArray array ? array.OfType<JsonObject>() : node is JsonObject single ? new[] { single } : Enumerable.Empty<JsonObject>();
        return entries.Any(inner.Matches);
    }
}

/// <summary><c>attr op value</c> with the comparison rules of the attribute's type and caseExact.</summary>
internal sealed class ScimCompareNode : ScimFilterNode
{
    private readonly Func<JsonObject, IEnumerable<JsonNode>> _values;
    private readonly ScimAttribute _definition;
    private readonly string _op;
    private readonly JsonNode? _literal;

    public ScimCompareNode(Func<JsonObject, IEnumerable<JsonNode>> values, ScimAttribute definition, string op, JsonNode? literal, string attributeText)
    {
        _values = values;
        _definition = definition;
        _op = op;
        _literal = literal;
        AttributeText = attributeText;
        Validate(attributeText);
    }

    /// <summary>The attribute path as the filter wrote it (for index lookups).</summary>
    public string AttributeText { get; }
    public string Operator => _op;
    public JsonNode? Literal => _literal;

    private void Validate(string attributeText)
    {
        if (_literal is null)
        {
            if (_op is not ("eq" or "ne")) throw ScimError.InvalidFilter($"'{attributeText} {_op} null': null compares only with eq and ne.");
            return;
        }
        var kind = _literal.GetValueKind();
        switch (_definition.Type)
        {
            case ScimType.Boolean:
                if (kind is not (JsonValueKind.True or JsonValueKind.False)) throw ScimError.InvalidFilter($"'{attributeText}' is a boolean: compare it with true or false.");
                if (_op is not ("eq" or "ne")) throw ScimError.InvalidFilter($"'{attributeText}' is a boolean: only eq and ne apply, not {_op}.");
                break;
            case ScimType.Integer:
                if (kind != JsonValueKind.Number) throw ScimError.InvalidFilter($"'{attributeText}' is an integer: compare it with a number.");
                if (_op is "co" or "sw" or "ew") throw ScimError.InvalidFilter($"'{attributeText}' is an integer: {_op} does not apply.");
                break;
            case ScimType.DateTime:
                if (kind != JsonValueKind.String || !TryDate(_literal.GetValue<string>(), out _))
                    throw ScimError.InvalidFilter($"'{attributeText}' is a dateTime: compare it with an xsd:dateTime string such as \"2026-01-02T03:04:05Z\".");
                break;
            case ScimType.Complex:
                throw ScimError.InvalidFilter($"'{attributeText}' is complex: name a sub-attribute (e.g. {attributeText}.value).");
            default:
                if (kind != JsonValueKind.String) throw ScimError.InvalidFilter($"'{attributeText}' is a string: compare it with a quoted string.");
                break;
        }
    }

    public override bool Matches(JsonObject target)
    {
        var values = _values(target).ToList();
        if (_literal is null) return _op == "eq" ? values.Count == 0 : values.Count > 0;
        if (_op == "ne") return !values.Any(v => Compare(v, "eq"));
        return values.Any(v => Compare(v, _op));
    }

    private bool Compare(JsonNode value, string op)
    {
        switch (_definition.Type)
        {
            case ScimType.Boolean:
                return value.GetValueKind() is JsonValueKind.True or JsonValueKind.False && value.GetValue<bool>() == _literal!.GetValue<bool>();
            case ScimType.Integer:
                if (value.GetValueKind() != JsonValueKind.Number) return false;
                return Order(value.GetValue<decimal>().CompareTo(_literal!.GetValue<decimal>()), op);
            case ScimType.DateTime:
                if (value.GetValueKind() != JsonValueKind.String || !TryDate(value.GetValue<string>(), out var actual)) return false;
                TryDate(_literal!.GetValue<string>(), out var wanted);
                return Order(actual.CompareTo(wanted), op);
            default:
                if (value.GetValueKind() != JsonValueKind.String) return false;
                var text = value.GetValue<string>();
                var literal = _literal!.GetValue<string>();
                var comparison = _definition.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                return op switch
                {
                    "eq" => string.Equals(text, literal, comparison),
                    "co" => text.Contains(literal, comparison),
                    "sw" => text.StartsWith(literal, comparison),
                    "ew" => text.EndsWith(literal, comparison),
                    _ => Order(string.Compare(text, literal, comparison), op),
                };
        }
    }

    private static bool Order(int comparison, string op) => op switch
    {
        "eq" => comparison == 0,
        "gt" => comparison > 0,
        "ge" => comparison >= 0,
        "lt" => comparison < 0,
        "le" => comparison <= 0,
        _ => false,
    };

    private static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
