using System;
using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// ORDER BY: a stable multi-key sort. Each key's values are read once per row up front, so parent
/// paths (<c>Manager.Email</c>) are not re-walked on every comparison.
/// </summary>
internal static class RowSorter
{
    public static List<SfRow> Sort(List<SfRow> rows, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0 || IsIdOrder(keys))
        {
            // Rows come out of the table in creation order, which is also ascending Id order.
            return rows;
        }

        var values = new object?[keys.Count][];
        for (var k = 0; k < keys.Count; k++)
        {
            values[k] = new object?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[k][i] = keys[k].Path.Evaluate(rows[i]);
            }
        }

        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var c = CompareKey(keys[k], values[k][a], values[k][b]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b); // ties keep their original order
        });

        var sorted = new List<SfRow>(rows.Count);
        foreach (var i in order)
        {
            sorted.Add(rows[i]);
        }

        return sorted;
    }

    private static int CompareKey(SortKey key, object? a, object? b)
    {
        if (a is null || b is null)
        {
            if (a is null && b is null)
            {
                return 0;
            }

            // NULLS FIRST/LAST is absolute: it does not flip with DESC.
            return (a is null) == key.NullsFirst ? -1 : 1;
        }

        var c = SoqlValues.Compare(a, b, key.Path.Field.Type);
        return key.Descending ? -c : c;
    }

    private static bool IsIdOrder(IReadOnlyList<SortKey> keys) =>
        keys.Count == 1 && !keys[0].Descending && keys[0].Path.Hops.Count == 0 && keys[0].Path.Field.Type == SfFieldTypes.Id;
}
