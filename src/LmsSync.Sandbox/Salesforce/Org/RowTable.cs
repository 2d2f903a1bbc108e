using System;
using System.Collections.Generic;
using System.Threading;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// The rows of one object as an immutable value: a snapshot that readers can hold while writers
/// move on. Rows live in fixed-size chunks; an update copies only the chunk it touches (1,024
/// references) and the short chunk list, so a 500,000-row table stays cheap to change.
/// Appending writes into the spare slots of the last chunk, which older snapshots never read
/// (they stop at their own <see cref="Count"/>). Only the org's single writer calls the mutators,
/// always on the newest table.
/// </summary>
internal sealed class RowTable
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    public static readonly RowTable Empty = new([], 0, 0);

    private readonly SfRow[][] _chunks;
    // Derived from the rows, so filling it in later does not change the table: built by the first query that wants it, or kept by the write that made this table.
    private ModstampIndex? _stamps;

    private RowTable(SfRow[][] chunks, int count, int liveCount)
    {
        _chunks = chunks;
        Count = count;
        LiveCount = liveCount;
    }

    /// <summary>All rows, deleted ones included.</summary>
    public int Count { get; }

    /// <summary>Rows not in the recycle bin.</summary>
    public int LiveCount { get; }

    public SfRow this[int index] => _chunks[index >> ChunkBits][index & ChunkMask];

    public RowTable Append(SfRow row)
    {
        var chunks = _chunks;
        if ((Count & ChunkMask) == 0)
        {
            chunks = new SfRow[_chunks.Length + 1][];
            Array.Copy(_chunks, chunks, _chunks.Length);
            chunks[^1] = new SfRow[ChunkSize];
        }

        chunks[Count >> ChunkBits][Count & ChunkMask] = row;
        return Stamped(new RowTable(chunks, Count + 1, LiveCount + (row.IsDeleted ? 0 : 1)), Count, row);
    }

    public RowTable Replace(int index, SfRow row)
    {
        var old = this[index];
        var chunks = (SfRow[][])_chunks.Clone();
        var chunk = (SfRow[])chunks[index >> ChunkBits].Clone();
        chunk[index & ChunkMask] = row;
        chunks[index >> ChunkBits] = chunk;
        var liveDelta = (old.IsDeleted ? 1 : 0) - (row.IsDeleted ? 1 : 0);
        return Stamped(new RowTable(chunks, Count, LiveCount + liveDelta), index, row);
    }

    /// <summary>The rows by <paramref name="field"/> (the object's SystemModstamp), built on first use.</summary>
    public ModstampIndex StampIndex(SfFieldSchema field)
    {
        var index = Volatile.Read(ref _stamps);
        if (index is null)
        {
            // Two queries may both build it; either result is the same index.
            index = ModstampIndex.Build(this, field);
            index = Interlocked.CompareExchange(ref _stamps, index, null) ?? index;
        }

        return index;
    }

    // The next table keeps this one's index, if it has one, with the written row's new stamp added.
    private RowTable Stamped(RowTable next, int position, SfRow row)
    {
        if (Volatile.Read(ref _stamps) is { } index && row.Schema.ModstampField is { } field)
        {
            next._stamps = index.After(next, position, row, field);
        }

        return next;
    }

    public IEnumerable<SfRow> Rows(bool includeDeleted)
    {
        for (var i = 0; i < Count; i++)
        {
            var row = this[i];
            if (includeDeleted || !row.IsDeleted)
            {
                yield return row;
            }
        }
    }
}
