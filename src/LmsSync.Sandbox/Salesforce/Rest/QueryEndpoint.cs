using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// <c>/query?q=</c>, <c>/queryAll?q=</c> and the queryMore form <c>/query/01g…-offset</c>
/// (salesforce-api.md §3.1–3.4). Pages are written record by record to the response.
/// </summary>
internal sealed partial class QueryEndpoint(SalesforceEmulator emulator)
{
    private long _nextSequence;

    public async Task QueryAsync(RestCall call, bool includeDeleted)
    {
        var soql = (string?)call.Http.Request.Query["q"];
        if (string.IsNullOrWhiteSpace(soql))
        {
            await RestResponse.WriteErrorAsync(call.Http, StatusCodes.Status400BadRequest, "MALFORMED_QUERY", "A query string has to be specified");
            return;
        }

        SoqlResult result;
        try
        {
            result = emulator.Org.Query(soql, includeDeleted);
        }
        catch (SoqlException e)
        {
            await RestResponse.WriteErrorAsync(call.Http, StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
            return;
        }
        catch (SfOrgException e)
        {
            await RestResponse.WriteErrorAsync(call.Http, StatusCodes.Status400BadRequest, e.ErrorCode, e.Message, e.Fields);
            return;
        }

        var batchSize = PagePlanner.BatchSize(call.Http.Request.Headers["Sforce-Query-Options"]);
        var sequence = System.Threading.Interlocked.Increment(ref _nextSequence);
        var pageSize = PageSize(batchSize, sequence, 0);
        QueryCursor? cursor = null;
        // Salesforce keeps a cursor only for a result that does not fit in the first page.
        if (pageSize < result.RowCount)
        {
            cursor = emulator.Cursors.Open(call.Session.UserId, result, batchSize, sequence, emulator.Clock.UtcNow);
        }
        await WritePageAsync(call, result, cursor, 0, pageSize);
    }

    public async Task QueryMoreAsync(RestCall call, string locatorAndOffset)
    {
        var match = LocatorPattern().Match(locatorAndOffset);
        var cursor = match.Success ? emulator.Cursors.Find(match.Groups[1].Value, call.Session.UserId, emulator.Clock.UtcNow) : null;
        if (cursor is null
            || !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset <= 0 || offset >= cursor.Result.RowCount)
        {
            await RestResponse.WriteErrorAsync(call.Http, StatusCodes.Status400BadRequest, "INVALID_QUERY_LOCATOR", "invalid query locator");
            return;
        }

        // The batch size is the query's; a queryMore may carry its own header, which then wins for this page.
        var header = call.Http.Request.Headers["Sforce-Query-Options"];
        var batchSize = header.Count > 0 ? PagePlanner.BatchSize(header) : cursor.BatchSize;
        await WritePageAsync(call, cursor.Result, cursor, offset, PageSize(batchSize, cursor.Sequence, offset));
    }

    private int PageSize(int batchSize, long sequence, int offset) =>
        PagePlanner.PageSize(batchSize, emulator.Settings.ShortPages, emulator.Context.Options.Seed, sequence, offset);

    private async Task WritePageAsync(RestCall call, SoqlResult result, QueryCursor? cursor, int offset, int pageSize)
    {
        var end = (int)Math.Min((long)offset + pageSize, result.RowCount);
        var done = end >= result.RowCount;

        await using (var body = RestResponse.Start(call.Http))
        {
            var json = body.Writer;
            json.WriteStartObject();
            json.WriteNumber("totalSize", result.TotalSize);
            json.WriteBoolean("done", done);
            // queryAll's next page is fetched through /query/ too (§3.4).
            if (!done) json.WriteString("nextRecordsUrl", $"{call.BasePath}/query/{cursor!.Locator}-{end.ToString(CultureInfo.InvariantCulture)}");
            json.WriteStartArray("records");
            for (var i = offset; i < end; i++)
            {
                result.WriteRecord(json, i, call.Version);
                await body.FlushIfFullAsync();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        emulator.OnQueryPageServed();
    }

    [GeneratedRegex("^(01g[0-9A-Za-z]{15})-([0-9]{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatorPattern();
}
