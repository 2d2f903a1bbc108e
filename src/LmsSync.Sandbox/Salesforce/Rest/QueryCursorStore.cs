using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// Open cursors. Salesforce allows 10 per user: opening an 11th silently evicts that user's oldest,
/// whose locator then fails with INVALID_QUERY_LOCATOR. A cursor also dies after 15 minutes without
/// use (the SOAP docs' figure; the stricter of the two the reference cites). A cursor stays open after
/// its last page, so a client may re-read a page it lost to a dropped connection.
/// </summary>
internal sealed class QueryCursorStore
{
    public const int MaxPerUser = 10;
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(15);

    private readonly object _gate = new();
    private readonly Dictionary<string, QueryCursor> _byLocator = new(StringComparer.Ordinal);
    private long _nextLocator;

    public QueryCursor Open(string userId, SoqlResult result, int batchSize, long sequence, DateTimeOffset now)
    {
        lock (_gate)
        {
            var mine = _byLocator.Values.Where(c => c.UserId == userId).OrderBy(c => c.Sequence).ToList();
            for (var i = 0; i <= mine.Count - MaxPerUser; i++) _byLocator.Remove(mine[i].Locator);

            var cursor = new QueryCursor(NewLocator(), userId, result, batchSize, sequence, now);
            _byLocator.Add(cursor.Locator, cursor);
            return cursor;
        }
    }

    /// <summary>The caller's live cursor for a locator, or null (unknown, evicted, idle too long, or someone else's).</summary>
    public QueryCursor? Find(string locator, string userId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byLocator.TryGetValue(locator, out var cursor) || cursor.UserId != userId) return null;
            if (now - cursor.LastUsed > IdleLifetime)
            {
                _byLocator.Remove(locator);
                return null;
            }
            cursor.LastUsed = now;
            return cursor;
        }
    }

    public int OpenCount(string userId)
    {
        lock (_gate) return _byLocator.Values.Count(c => c.UserId == userId);
    }

    public void Clear()
    {
        lock (_gate) _byLocator.Clear();
    }

    /// <summary>Real locators are record ids of a query-locator entity (prefix 01g); unique per run here.</summary>
    private string NewLocator() => SalesforceIdFormat.Make("01g", 0x5A5A_0000_0000L + ++_nextLocator);
}
