using System;
using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Runs a query: parse, bind, filter and sort over one snapshot, then OFFSET and LIMIT. The result
/// keeps row references only; JSON is produced record by record when the caller writes it.
/// </summary>
internal static class SoqlEngine
{
    public static SoqlResult Execute(OrgSnapshot snapshot, string soql, bool includeDeleted, DateTimeOffset now)
    {
        var syntax = SoqlParser.Parse(soql);
        var query = new SoqlBinder(snapshot, soql, now, includeDeleted).Bind(syntax);
        var rows = RowSorter.Sort(Filter(snapshot, query, includeDeleted), query.OrderBy);

        var skip = Math.Min(query.Offset, rows.Count);
        var take = Math.Min(rows.Count - skip, query.Limit ?? int.MaxValue);
        var page = skip == 0 && take == rows.Count ? rows : rows.GetRange(skip, take);
        return new SoqlResult(query, page, snapshot);
    }

    /// <summary>
    /// The rows of the query's object that pass its WHERE clause, in creation order. A WHERE that requires
    /// <c>SystemModstamp &gt;</c> (or <c>&gt;=</c>) a datetime tests only the rows the index has after it.
    /// </summary>
    public static List<SfRow> Filter(OrgSnapshot snapshot, BoundQuery query, bool includeDeleted)
    {
        var table = snapshot.Table(query.Object);
        if (query.Object.ModstampField is { } field && ModstampFloor(query.Where, field) is { } floor &&
            table.StampIndex(field).RowsFrom((DateTimeOffset)floor.Literal!, floor.Op == CompareOp.GreaterOrEqual, table, field) is { } positions)
        {
            var found = new List<SfRow>(positions.Count);
            foreach (var i in positions)
            {
                AddIfMatch(found, table[i], query.Where, includeDeleted);
            }

            return found;
        }

        return Scan(table, query.Where, includeDeleted);
    }

    /// <summary>Every row tested: what <see cref="Filter"/> does without an index (and what tests compare it with).</summary>
    internal static List<SfRow> Scan(RowTable table, Predicate? where, bool includeDeleted)
    {
        var matches = new List<SfRow>();
        for (var i = 0; i < table.Count; i++)
        {
            AddIfMatch(matches, table[i], where, includeDeleted);
        }

        return matches;
    }

    private static void AddIfMatch(List<SfRow> matches, SfRow row, Predicate? where, bool includeDeleted)
    {
        if ((includeDeleted || !row.IsDeleted) && (where is null || where.Matches(row)))
        {
            matches.Add(row);
        }
    }

    /// <summary>A lower bound on SystemModstamp that every match must meet: the WHERE itself, or one part of its top-level AND.</summary>
    private static ComparePredicate? ModstampFloor(Predicate? where, SfFieldSchema field)
    {
        if (where is AllOf all)
        {
            foreach (var part in all.Parts)
            {
                if (ModstampFloor(part, field) is { } floor)
                {
                    return floor;
                }
            }

            return null;
        }

        return where is ComparePredicate { Op: CompareOp.Greater or CompareOp.GreaterOrEqual, Literal: DateTimeOffset } compare &&
               compare.Path.Hops.Count == 0 && ReferenceEquals(compare.Path.Field, field)
            ? compare
            : null;
    }
}
