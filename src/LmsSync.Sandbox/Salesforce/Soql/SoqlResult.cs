using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// The rows a query matched, in order, over the snapshot it ran against. Holds row references
/// only: each record's JSON (or flat CSV text) is produced when it is written, so a query over
/// half a million users costs a list of references, not half a million JSON objects.
/// Safe to read from several threads.
/// </summary>
public sealed class SoqlResult
{
    private readonly IReadOnlyList<SfRow> _rows;
    private readonly OrgSnapshot _snapshot;
    private readonly Dictionary<string, FieldPath> _pathsByColumn;
    private readonly Projection _projection;
    private readonly FieldPath[] _columnPaths;

    internal SoqlResult(BoundQuery query, List<SfRow> rows, OrgSnapshot snapshot)
    {
        _snapshot = snapshot;
        _pathsByColumn = query.Columns.ToDictionary(c => c.Text, StringComparer.OrdinalIgnoreCase);
        _projection = Projection.Build(snapshot.Schema, query.Object, query.Columns);
        ObjectName = query.Object.Name;
        IsCount = query.IsCount;
        TotalSize = rows.Count;
        _rows = query.IsCount ? Array.Empty<SfRow>() : rows;
        Columns = query.Columns.Select(c => c.Text).ToList();
        _columnPaths = query.Columns.ToArray();
    }

    /// <summary>The org as the query saw it (a write makes a new snapshot): lookups in the rows' values read it.</summary>
    internal OrgSnapshot Snapshot => _snapshot;

    /// <summary>The queried object in canonical casing.</summary>
    public string ObjectName { get; }

    /// <summary>True for <c>SELECT COUNT() …</c>: <see cref="TotalSize"/> is the count and there are no records.</summary>
    public bool IsCount { get; }

    /// <summary>Rows matched after OFFSET and LIMIT (the REST <c>totalSize</c>).</summary>
    public int TotalSize { get; }

    /// <summary>The selected field paths in canonical casing, e.g. "Id", "Manager.Email".</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Records to write; 0 for COUNT().</summary>
    public int RowCount => _rows.Count;

    /// <summary>The record at <paramref name="index"/> as stored (all fields, not just the selected ones).</summary>
    public SfRow GetRow(int index) => _rows[index];

    /// <summary>
    /// Writes record <paramref name="index"/> as the REST API does:
    /// <c>{"attributes":{"type":"User","url":"/services/data/v66.0/sobjects/User/005…"},"Id":…,"Manager":{"attributes":{…},"Email":…}}</c>.
    /// Every selected field is present (null as null), a missing parent is null, names are canonical.
    /// </summary>
    /// <param name="writer">Where the record object is written.</param>
    /// <param name="index">Record position, 0 ≤ index &lt; <see cref="RowCount"/>.</param>
    /// <param name="apiVersion">"66.0" or "v66.0", for the attributes url.</param>
    public void WriteRecord(Utf8JsonWriter writer, int index, string apiVersion) =>
        _projection.Write(writer, _rows[index], _snapshot, apiVersion);

    /// <summary>The raw value of a selected column (any casing) for record <paramref name="index"/>.</summary>
    public object? GetValue(int index, string column) => Path(column).Evaluate(_rows[index]);

    /// <summary>
    /// A selected column's value as Bulk 2.0 CSV text: datetimes <c>2026-09-30T21:20:00.000Z</c>,
    /// dates <c>yyyy-MM-dd</c>, booleans <c>true</c>/<c>false</c>, null as null.
    /// </summary>
    public string? GetFlatValue(int index, string column) => WireFormat.ToFlatText(GetValue(index, column));

    /// <summary>The raw value of column number <paramref name="column"/> (of <see cref="Columns"/>) for record <paramref name="index"/>, found without a name lookup.</summary>
    public object? GetValue(int index, int column) => _columnPaths[column].Evaluate(_rows[index]);

    private FieldPath Path(string column) =>
        _pathsByColumn.TryGetValue(column, out var path)
            ? path
            : throw new ArgumentException($"'{column}' is not a selected column; selected: {string.Join(", ", Columns)}.", nameof(column));
}
