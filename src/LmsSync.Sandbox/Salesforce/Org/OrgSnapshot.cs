using System;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// The whole org at one instant: one <see cref="RowTable"/> per object. A query evaluates and
/// later projects (parent lookups included) against one snapshot, so concurrent writes never
/// change a result that has already been computed.
/// </summary>
internal sealed class OrgSnapshot
{
    private readonly RowTable[] _tables;

    public OrgSnapshot(SfSchema schema, RowTable[] tables)
    {
        Schema = schema;
        _tables = tables;
    }

    public SfSchema Schema { get; }

    public RowTable Table(SfObjectSchema obj) => _tables[obj.Index];

    public OrgSnapshot With(SfObjectSchema obj, RowTable table)
    {
        var tables = (RowTable[])_tables.Clone();
        tables[obj.Index] = table;
        return new OrgSnapshot(Schema, tables);
    }

    /// <summary>The row with this id (15 or 18 characters), deleted or not; null when there is none.</summary>
    public SfRow? Find(string? id) => TryLocate(id, out var obj, out var index) ? Table(obj)[index] : null;

    /// <summary>
    /// The row a stored lookup value points at. Stored ids are already canonical 18-character ids,
    /// so this skips normalisation: it runs once per row per hop when filtering on <c>Manager.Email</c>.
    /// </summary>
    public SfRow? FindStored(string id18)
    {
        if (id18.Length != 18 || Schema.FindByKeyPrefix(id18.AsSpan(0, 3)) is not { } obj || !SalesforceId.TryReadSequence(id18, out var sequence))
        {
            return Find(id18);
        }

        var table = Table(obj);
        if (sequence < 1 || sequence > table.Count)
        {
            return null;
        }

        var row = table[(int)sequence - 1];
        return string.Equals(row.Id, id18, StringComparison.Ordinal) ? row : null;
    }

    /// <summary>
    /// Finds where a row lives by reading its id: the key prefix names the table and the
    /// sequence digits the position. No index over all ids is needed.
    /// </summary>
    public bool TryLocate(string? id, out SfObjectSchema obj, out int index)
    {
        obj = null!;
        index = -1;
        if (!SalesforceId.TryNormalize(id, out var id18)
            || Schema.FindByKeyPrefix(id18[..3]) is not { } found
            || !SalesforceId.TryReadSequence(id18, out var sequence))
        {
            return false;
        }

        var table = Table(found);
        if (sequence < 1 || sequence > table.Count || !string.Equals(table[(int)sequence - 1].Id, id18, StringComparison.Ordinal))
        {
            return false;
        }

        obj = found;
        index = (int)sequence - 1;
        return true;
    }
}
