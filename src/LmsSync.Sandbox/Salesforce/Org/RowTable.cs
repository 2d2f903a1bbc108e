using System;
using System.Collections.Generic;

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
        return new RowTable(chunks, Count + 1, LiveCount + (row.IsDeleted ? 0 : 1));
    }

    public RowTable Replace(int index, SfRow row)
    {
        var old = this[index];
        var chunks = (SfRow[][])_chunks.Clone();
        var chunk = (SfRow[])chunks[index >> ChunkBits].Clone();
        chunk[index & ChunkMask] = row;
        chunks[index >> ChunkBits] = chunk;
        var liveDelta = (old.IsDeleted ? 1 : 0) - (row.IsDeleted ? 1 : 0);
        return new RowTable(chunks, Count, LiveCount + liveDelta);
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
