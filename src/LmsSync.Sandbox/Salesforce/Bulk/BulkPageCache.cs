using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>
/// Result pages of Bulk 2.0 query jobs as they went on the wire (CSV, gzipped when the client asked), kept so the
/// same page of a later job over the same rows is sent again instead of formatted and compressed again. Each dry run
/// of the benchmark makes a new job over an unchanged org, and formatting and compressing its 95,000 rows was the
/// largest part of the emulator's CPU left, taken from the two cores the client being measured runs on (Salesforce
/// builds its result files on its own servers). A page is the same when its job's rows in the page are the same row
/// objects (rows are immutable: an update makes a new one) of the same org snapshot (lookups such as
/// <c>Manager.Email</c> read it), with the same columns, delimiter, line ending, bounds and compression.
/// </summary>
internal sealed class BulkPageCache
{
    /// <summary>The most bytes kept; the oldest pages go first (a dry run's pages are a few MB gzipped).</summary>
    private const long KeptBytes = 64L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly LinkedList<(BulkPageKey Key, byte[] Body)> _pages = new();
    private long _bytes;

    /// <summary>The body kept for a page the same as <paramref name="key"/>, or null.</summary>
    public byte[]? Find(BulkPageKey key)
    {
        lock (_gate)
        {
            foreach (var (kept, body) in _pages)
                if (kept.SameAs(key)) return body;
            return null;
        }
    }

    public void Keep(BulkPageKey key, byte[] body)
    {
        if (body.Length > KeptBytes) return;
        lock (_gate)
        {
            _pages.AddFirst((key, body));
            _bytes += body.Length;
            while (_bytes > KeptBytes)
            {
                _bytes -= _pages.Last!.Value.Body.Length;
                _pages.RemoveLast();
            }
        }
    }
}

/// <summary>What a result page's bytes are made of (see <see cref="BulkPageCache"/>).</summary>
internal sealed record BulkPageKey(SoqlResult Result, char Delimiter, string LineBreak, int Offset, int End, bool Gzip)
{
    public bool SameAs(BulkPageKey other)
    {
        if (Delimiter != other.Delimiter || LineBreak != other.LineBreak || Offset != other.Offset || End != other.End || Gzip != other.Gzip) return false;
        if (ReferenceEquals(Result, other.Result)) return true;
        if (!ReferenceEquals(Result.Snapshot, other.Result.Snapshot) || !Result.Columns.SequenceEqual(other.Result.Columns, StringComparer.Ordinal)) return false;
        for (var i = Offset; i < End; i++)
            if (!ReferenceEquals(Result.GetRow(i), other.Result.GetRow(i))) return false;
        return true;
    }
}
