using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// One record, immutable. An update produces a new row (copy-on-write), so a query that holds
/// rows from before the update keeps seeing the values it started with.
/// Values are string, bool, decimal, <see cref="DateTimeOffset"/> (datetime, UTC),
/// <see cref="DateOnly"/> (date) or null.
/// </summary>
public sealed class SfRow
{
    private readonly object?[] _values;

    internal SfRow(SfObjectSchema schema, object?[] values, DateTimeOffset? deletedDate = null)
    {
        Schema = schema;
        _values = values;
        DeletedDate = deletedDate;
    }

    public SfObjectSchema Schema { get; }

    /// <summary>The 18-character id.</summary>
    public string Id => (string)_values[0]!;

    public string ObjectName => Schema.Name;

    /// <summary>True once the record is in the recycle bin: visible to queryAll only.</summary>
    public bool IsDeleted => DeletedDate.HasValue;

    /// <summary>When the record was deleted (for the <c>/deleted</c> endpoint); null while it is live.</summary>
    public DateTimeOffset? DeletedDate { get; }

    /// <summary>The value of a field by API name (any case); throws for a field the object does not have.</summary>
    public object? this[string field] =>
        GetValue(Schema.FindField(field) ?? throw new ArgumentException($"{Schema.Name} has no field '{field}'.", nameof(field)));

    /// <summary>The value of one of this object's fields, computing calculated ones (Name, IsDeleted).</summary>
    public object? GetValue(SfFieldSchema field)
    {
        if (!ReferenceEquals(field.Owner, Schema))
        {
            throw new ArgumentException($"{field.Owner.Name}.{field.Name} is not a field of {Schema.Name}.", nameof(field));
        }

        return field.Compute is { } compute ? compute(this) : _values[field.Ordinal];
    }

    /// <summary>Every field with its value, in schema order (what a record GET returns).</summary>
    public IEnumerable<KeyValuePair<string, object?>> Values()
    {
        foreach (var field in Schema.Fields)
        {
            yield return new KeyValuePair<string, object?>(field.Name, GetValue(field));
        }
    }

    /// <summary>A copy of the stored values for building the replacement row of an update.</summary>
    internal object?[] CopyValues() => (object?[])_values.Clone();

    internal SfRow WithValues(object?[] values) => new(Schema, values, DeletedDate);

    internal SfRow AsDeleted(object?[] values, DateTimeOffset deletedDate) => new(Schema, values, deletedDate);

    public override string ToString() => $"{Schema.Name} {Id}";
}
