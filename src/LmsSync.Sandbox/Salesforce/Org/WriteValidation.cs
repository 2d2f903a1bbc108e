using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// The checks Salesforce makes on an insert or update, each failing with Salesforce's own
/// errorCode and message. The org is a test fixture as well as an emulator, so fields Salesforce
/// makes read-only to API users but that change in real life (UserType, LastLoginDate) are
/// writable here; only the values the org maintains itself (Id, audit dates, calculated fields)
/// are refused. The HTTP layer applies describe's Createable/Updateable to API callers.
/// </summary>
internal static class WriteValidation
{
    private static readonly HashSet<string> AuditFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "CreatedDate", "LastModifiedDate", "SystemModstamp",
    };

    public static bool IsAuditField(SfFieldSchema field) => AuditFields.Contains(field.Name);

    /// <summary>Resolves each name to a field and converts each value, in the caller's order.</summary>
    public static List<(SfFieldSchema Field, object? Value)> Resolve(SfObjectSchema obj, IReadOnlyDictionary<string, object?> values)
    {
        var resolved = new List<(SfFieldSchema, object?)>(values.Count);
        foreach (var (name, value) in values)
        {
            var field = obj.FindField(name)
                ?? throw new SfOrgException("INVALID_FIELD", $"No such column '{name}' on sobject of type {obj.Name}", [name]);
            if (ReferenceEquals(field, obj.IdField) || field.Calculated || IsAuditField(field))
            {
                throw new SfOrgException(
                    "INVALID_FIELD_FOR_INSERT_UPDATE",
                    $"Unable to create/update fields: {field.Name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                    [field.Name]);
            }

            resolved.Add((field, FieldValues.Coerce(field, value)));
        }

        return resolved;
    }

    /// <summary>A lookup must name a live record of one of the objects the field refers to.</summary>
    public static void CheckReference(OrgSnapshot snapshot, SfFieldSchema field, object? value)
    {
        if (field.Type != SfFieldTypes.Reference || value is not string id)
        {
            return;
        }

        var target = snapshot.Find(id);
        if (target is null || target.IsDeleted)
        {
            throw new SfOrgException("INVALID_CROSS_REFERENCE_KEY", $"invalid cross reference id", [field.Name]);
        }

        if (!field.ReferenceTo.Contains(target.ObjectName, StringComparer.Ordinal))
        {
            throw new SfOrgException("FIELD_INTEGRITY_EXCEPTION", $"{field.Label}: id value of incorrect type: {id}", [field.Name]);
        }
    }

    /// <summary>Non-nillable fields the caller must supply (those without a default).</summary>
    public static void CheckRequired(SfObjectSchema obj, object?[] values)
    {
        var missing = obj.Fields
            .Where(f => !f.Nillable && !f.Calculated && !ReferenceEquals(f, obj.IdField) && !IsAuditField(f) && values[f.Ordinal] is null)
            .Select(f => f.Name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new SfOrgException("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing);
        }
    }

    /// <summary>Unique fields (Username, CommunityNickname) may not repeat another live record's value.</summary>
    public static void CheckUnique(RowTable table, SfObjectSchema obj, object?[] values, string? selfId)
    {
        foreach (var field in obj.Fields)
        {
            if (!field.Unique || ReferenceEquals(field, obj.IdField) || values[field.Ordinal] is not string value)
            {
                continue;
            }

            foreach (var row in table.Rows(includeDeleted: false))
            {
                if (row.Id != selfId && string.Equals(row.GetValue(field) as string, value, StringComparison.OrdinalIgnoreCase))
                {
                    throw field.Name == "Username" && obj.Name == "User"
                        ? new SfOrgException("DUPLICATE_USERNAME", "Duplicate Username.<br>Another user has already selected this username.<br>Please select another.", [field.Name])
                        : new SfOrgException("DUPLICATE_VALUE", $"duplicate value found: {field.Name} duplicates value on record with id: {row.Id}", [field.Name]);
                }
            }
        }
    }
}
