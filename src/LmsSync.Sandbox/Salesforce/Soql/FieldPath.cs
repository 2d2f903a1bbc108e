using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// A field reference resolved against the schema: the lookups to follow (ManagerId, then
/// ManagerId again for <c>Manager.Manager.Email</c>) and the field read at the end. It reads
/// parents from the query's snapshot, so a parent changed after the query began is not seen.
/// </summary>
internal sealed class FieldPath
{
    private readonly OrgSnapshot _snapshot;

    public FieldPath(OrgSnapshot snapshot, IReadOnlyList<SfFieldSchema> hops, SfFieldSchema field)
    {
        _snapshot = snapshot;
        Hops = hops;
        Field = field;
        var parts = new List<string>(hops.Count + 1);
        foreach (var hop in hops)
        {
            parts.Add(hop.RelationshipName!);
        }

        parts.Add(field.Name);
        Text = string.Join('.', parts);
    }

    /// <summary>The lookup fields to follow, from the queried object outwards.</summary>
    public IReadOnlyList<SfFieldSchema> Hops { get; }

    public SfFieldSchema Field { get; }

    /// <summary>Canonical spelling, e.g. "Manager.Email" however the query spelled it.</summary>
    public string Text { get; }

    /// <summary>The value at the end of the path, or null when any parent on the way is missing.</summary>
    public object? Evaluate(SfRow row)
    {
        foreach (var hop in Hops)
        {
            if (row.GetValue(hop) is not string id || _snapshot.FindStored(id) is not { } parent)
            {
                return null;
            }

            row = parent;
        }

        return row.GetValue(Field);
    }

    /// <summary>The parent record a lookup field points at in this query's snapshot.</summary>
    public SfRow? Follow(SfRow row, SfFieldSchema lookup) =>
        row.GetValue(lookup) is string id ? _snapshot.FindStored(id) : null;

    public override string ToString() => Text;
}
