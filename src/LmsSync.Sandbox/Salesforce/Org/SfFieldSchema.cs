using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// One field of an emulated sObject, carrying the properties a describe call reports
/// (salesforce-api.md §6.1) plus what the org needs to store and compute the value.
/// </summary>
public sealed class SfFieldSchema
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    internal SfFieldSchema(
        string name,
        string type,
        string? label = null,
        bool nillable = true,
        int length = 0,
        IReadOnlyList<string>? referenceTo = null,
        string? relationshipName = null,
        IReadOnlyList<string>? picklistValues = null,
        bool filterable = true,
        bool? sortable = null,
        bool createable = true,
        bool updateable = true,
        bool externalId = false,
        bool unique = false,
        bool defaultedOnCreate = false,
        object? defaultValue = null,
        Func<SfRow, object?>? compute = null)
    {
        Name = name;
        Type = type;
        Label = label ?? FieldLabels.FromApiName(name);
        Nillable = nillable;
        Custom = name.EndsWith("__c", StringComparison.OrdinalIgnoreCase);
        Length = length;
        ReferenceTo = referenceTo ?? None;
        RelationshipName = relationshipName;
        PicklistValues = picklistValues ?? None;
        Filterable = filterable;
        // Salesforce cannot sort multi-select picklists or long text; everything else that filters, sorts.
        Sortable = sortable ?? (filterable && type != SfFieldTypes.MultiPicklist);
        Createable = createable && compute is null;
        Updateable = updateable && compute is null;
        ExternalId = externalId;
        Unique = unique;
        DefaultedOnCreate = defaultedOnCreate || defaultValue is not null;
        DefaultValue = defaultValue;
        Compute = compute;
    }

    public string Name { get; }
    public string Label { get; }
    /// <summary>Describe type name: id, string, boolean, reference, picklist, multipicklist, email, phone, url, textarea, date, datetime, int, double, currency.</summary>
    public string Type { get; }
    public bool Nillable { get; }
    public bool Custom { get; }
    public int Length { get; }
    public IReadOnlyList<string> ReferenceTo { get; }
    public string? RelationshipName { get; }
    public IReadOnlyList<string> PicklistValues { get; }
    public bool Filterable { get; }
    public bool Sortable { get; }
    public bool Createable { get; }
    public bool Updateable { get; }
    public bool ExternalId { get; }
    public bool Unique { get; }
    /// <summary>True when Salesforce computes the value (describe <c>calculated</c>), e.g. User.Name.</summary>
    public bool Calculated => Compute is not null;
    /// <summary>True when the org fills the field on insert if the caller leaves it out (describe <c>defaultedOnCreate</c>).</summary>
    public bool DefaultedOnCreate { get; }

    /// <summary>The value stored on insert when the caller gives none (null when there is no default).</summary>
    internal object? DefaultValue { get; }

    /// <summary>Computes a calculated field from the rest of the row; null for stored fields.</summary>
    internal Func<SfRow, object?>? Compute { get; }

    /// <summary>Slot in the row's value array; -1 for calculated fields, which are not stored.</summary>
    internal int Ordinal { get; set; } = -1;

    /// <summary>The object that owns the field; set when the object schema is built.</summary>
    internal SfObjectSchema Owner { get; set; } = null!;

    public override string ToString() => Name;
}
