using System;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// How many records a query page holds: <c>Sforce-Query-Options: batchSize=N</c> clamped to
/// 200–2000 (default 2000), and — when short pages are switched on — sometimes fewer, as real orgs
/// do with wide rows. Short pages are drawn from the run's seed, the query's sequence number and the
/// offset, so a run replays the same pages and a re-read page is the same page.
/// </summary>
internal static class PagePlanner
{
    public const int MinBatchSize = 200;
    public const int MaxBatchSize = 2000;

    /// <summary>The batch size a request asks for, clamped; an absent or unreadable option means the default.</summary>
    public static int BatchSize(StringValues queryOptions)
    {
        foreach (var header in queryOptions)
        {
            if (header is null) continue;
            foreach (var option in header.Split(new[] { ',', ';' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = option.IndexOf('=');
                if (equals < 0 || !option.AsSpan(0, equals).Trim().Equals("batchSize", StringComparison.OrdinalIgnoreCase)) continue;
                if (int.TryParse(option.AsSpan(equals + 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
                {
                    return Math.Clamp(size, MinBatchSize, MaxBatchSize);
                }
            }
        }
        return MaxBatchSize;
    }

    /// <summary>Records in the page starting at <paramref name="offset"/> (before capping at what is left).</summary>
    public static int PageSize(int batchSize, bool shortPages, int seed, long sequence, int offset)
    {
        if (!shortPages) return batchSize;
        var random = new Random(unchecked((int)(seed * 1_000_003L + sequence * 7_919L + offset)));
        // About one page in three comes back short, anywhere from a tenth of the batch to one less than it.
        if (random.Next(3) != 0) return batchSize;
        return random.Next(Math.Max(1, batchSize / 10), batchSize);
    }
}
