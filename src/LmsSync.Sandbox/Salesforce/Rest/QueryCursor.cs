using System;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// An open query (server-side cursor): the result it pages through, whose it is, and the page-size
/// choices made when it was opened. Identified by its locator, <c>01g</c> + 15 characters.
/// </summary>
internal sealed class QueryCursor(string locator, string userId, SoqlResult result, int batchSize, long sequence, DateTimeOffset now)
{
    public string Locator { get; } = locator;
    public string UserId { get; } = userId;
    public SoqlResult Result { get; } = result;
    /// <summary>Page size asked for when the query was opened (already clamped to 200–2000).</summary>
    public int BatchSize { get; } = batchSize;
    /// <summary>Which query of the run this is: with the seed, it decides which pages come back short.</summary>
    public long Sequence { get; } = sequence;
    public DateTimeOffset LastUsed { get; set; } = now;
}
