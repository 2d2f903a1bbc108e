using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>One emulated sObject type: its describe-level properties and its fields.</summary>
public sealed class SfObjectSchema
{
    private readonly Dictionary<string, SfFieldSchema> _fieldsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SfFieldSchema> _fieldsByRelationship = new(StringComparer.OrdinalIgnoreCase);

    internal SfObjectSchema(string name, string labelPlural, string keyPrefix, bool deletable, IReadOnlyList<SfFieldSchema> fields, bool createable = true)
    {
        Name = name;
        Label = FieldLabels.FromApiName(name);
        LabelPlural = labelPlural;
        KeyPrefix = keyPrefix;
        Deletable = deletable;
        Createable = createable;
        Fields = fields;

        if (fields.Count == 0 || fields[0].Name != "Id")
        {
            throw new ArgumentException($"{name}: the first field must be Id.", nameof(fields));
        }

        var ordinal = 0;
        foreach (var field in fields)
        {
            field.Owner = this;
            field.Ordinal = field.Calculated ? -1 : ordinal++;
            _fieldsByName.Add(field.Name, field);
            if (field.RelationshipName is not null)
            {
                _fieldsByRelationship.Add(field.RelationshipName, field);
            }
        }

        StoredFieldCount = ordinal;
        IdField = fields[0];
        ModstampField = FindField("SystemModstamp");
    }

    public string Name { get; }
    public string Label { get; }
    public string LabelPlural { get; }
    /// <summary>The three-character id prefix, e.g. "005" for User.</summary>
    public string KeyPrefix { get; }
    /// <summary>False for objects the API cannot delete (User, Profile, UserLogin).</summary>
    public bool Deletable { get; }
    public bool Createable { get; }
    public bool Updateable => true;
    public IReadOnlyList<SfFieldSchema> Fields { get; }

    /// <summary>The Id field, always first.</summary>
    internal SfFieldSchema IdField { get; }

    /// <summary>SystemModstamp, which the org keeps indexed (<see cref="ModstampIndex"/>); null for an object without it.</summary>
    internal SfFieldSchema? ModstampField { get; }

    /// <summary>How many values a row stores (calculated fields are not stored).</summary>
    internal int StoredFieldCount { get; }

    /// <summary>Position in <see cref="SfSchema.Objects"/>; the org keeps one table per position.</summary>
    internal int Index { get; set; }

    /// <summary>Finds a field by API name, ignoring case as Salesforce does.</summary>
    public SfFieldSchema? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>Finds the lookup field behind a relationship name: "Manager" → ManagerId.</summary>
    public SfFieldSchema? FindRelationship(string relationshipName) => _fieldsByRelationship.GetValueOrDefault(relationshipName);

    public override string ToString() => Name;
}
