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

    /// <summary>The rows of the query's object that pass its WHERE clause, in creation order.</summary>
    public static List<SfRow> Filter(OrgSnapshot snapshot, BoundQuery query, bool includeDeleted)
    {
        var table = snapshot.Table(query.Object);
        var matches = new List<SfRow>();
        for (var i = 0; i < table.Count; i++)
        {
            var row = table[i];
            if ((includeDeleted || !row.IsDeleted) && (query.Where is null || query.Where.Matches(row)))
            {
                matches.Add(row);
            }
        }

        return matches;
    }
}
