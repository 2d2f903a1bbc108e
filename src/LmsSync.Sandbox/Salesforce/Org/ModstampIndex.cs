using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// The rows of one table by SystemModstamp, as a real org keeps that field indexed: an incremental read
/// (<c>WHERE SystemModstamp &gt; :watermark</c>) looks at the rows changed since, not at every row. Built by the seed
/// (or by the first query that wants it), then kept by the writes. Immutable like its <see cref="RowTable"/>: a sorted
/// part, plus the writes since it was sorted in an append-only tail whose spare slots older indexes never read (they
/// stop at their own count). A write adds an entry for the row's new stamp
/// and leaves the old one behind; an entry counts only while the row still has that stamp, so stale entries are
/// skipped when read and dropped when the tail, once full, is sorted in with the rest.
/// </summary>
internal sealed class ModstampIndex
{
    private const int MinTail = 1024;

    // Sorted by stamp (UTC ticks), then row position.
    private readonly long[] _sortedTicks;
    private readonly int[] _sortedRows;
    // Unsorted, in write order; only the first _tailCount slots belong to this index.
    private readonly long[] _tailTicks;
    private readonly int[] _tailRows;
    private readonly int _tailCount;

    private ModstampIndex(long[] sortedTicks, int[] sortedRows, long[] tailTicks, int[] tailRows, int tailCount)
    {
        _sortedTicks = sortedTicks;
        _sortedRows = sortedRows;
        _tailTicks = tailTicks;
        _tailRows = tailRows;
        _tailCount = tailCount;
    }

    /// <summary>Every row of <paramref name="table"/> that has a stamp, sorted.</summary>
    public static ModstampIndex Build(RowTable table, SfFieldSchema field)
    {
        var ticks = new List<long>(table.Count);
        var rows = new List<int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i].GetValue(field) is DateTimeOffset stamp)
            {
                ticks.Add(stamp.UtcTicks);
                rows.Add(i);
            }
        }

        var sortedTicks = ticks.ToArray();
        var sortedRows = rows.ToArray();
        Array.Sort(sortedTicks, sortedRows); // the order among equal stamps does not matter: matches are sorted by position
        var tail = Math.Max(MinTail, table.Count / 8);
        return new ModstampIndex(sortedTicks, sortedRows, new long[tail], new int[tail], 0);
    }

    /// <summary>
    /// The index of <paramref name="table"/>, the table this index belonged to after <paramref name="row"/> was written
    /// at <paramref name="position"/>. Only the org's single writer calls this, on the newest index.
    /// </summary>
    public ModstampIndex After(RowTable table, int position, SfRow row, SfFieldSchema field)
    {
        if (row.GetValue(field) is not DateTimeOffset stamp)
        {
            return this; // a row without a stamp never matches a comparison with one
        }

        if (_tailCount == _tailTicks.Length)
        {
            // The tail is full: sort everything again (amortised: the tail holds an eighth of the table).
            return Build(table, field);
        }

        _tailTicks[_tailCount] = stamp.UtcTicks;
        _tailRows[_tailCount] = position;
        return new ModstampIndex(_sortedTicks, _sortedRows, _tailTicks, _tailRows, _tailCount + 1);
    }

    /// <summary>
    /// The positions, ascending, of the rows of <paramref name="table"/> whose stamp is after <paramref name="from"/>
    /// (or at it, when <paramref name="inclusive"/>); null when that is most of the table, which a scan reads as fast.
    /// </summary>
    public List<int>? RowsFrom(DateTimeOffset from, bool inclusive, RowTable table, SfFieldSchema field)
    {
        var ticks = from.UtcTicks;
        var start = inclusive ? LowerBound(_sortedTicks, ticks) : LowerBound(_sortedTicks, ticks + 1);
        if (_sortedTicks.Length - start + _tailCount > table.Count / 2)
        {
            return null;
        }

        var rows = new List<int>(_sortedTicks.Length - start + _tailCount);
        for (var i = start; i < _sortedTicks.Length; i++)
        {
            AddIfCurrent(rows, table, field, _sortedRows[i], _sortedTicks[i]);
        }

        for (var i = 0; i < _tailCount; i++)
        {
            if (_tailTicks[i] > ticks || (inclusive && _tailTicks[i] == ticks))
            {
                AddIfCurrent(rows, table, field, _tailRows[i], _tailTicks[i]);
            }
        }

        rows.Sort();
        // A row written twice within one millisecond has two current entries.
        var kept = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (kept == 0 || rows[kept - 1] != rows[i])
            {
                rows[kept++] = rows[i];
            }
        }

        rows.RemoveRange(kept, rows.Count - kept);
        return rows;
    }

    private static void AddIfCurrent(List<int> rows, RowTable table, SfFieldSchema field, int position, long ticks)
    {
        if (position < table.Count && table[position].GetValue(field) is DateTimeOffset stamp && stamp.UtcTicks == ticks)
        {
            rows.Add(position);
        }
    }

    private static int LowerBound(long[] sorted, long ticks)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
