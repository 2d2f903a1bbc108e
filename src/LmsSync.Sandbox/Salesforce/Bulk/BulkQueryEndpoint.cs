using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Rest;
using LmsSync.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>
/// Bulk API 2.0 query (salesforce-api.md §5): <c>jobs/query</c> create (POST) and list (GET);
/// <c>jobs/query/{id}</c> status (GET), abort (PATCH <c>{"state":"Aborted"}</c>), delete (DELETE);
/// <c>jobs/query/{id}/results?locator=&amp;maxRecords=</c> CSV pages. Reached through the REST gate, so
/// sessions, the daily cap and fault rules apply as to every REST call.
/// </summary>
internal sealed class BulkQueryEndpoint(SalesforceEmulator emulator)
{
    private const string InvalidJob = "INVALIDJOB";
    private const string NoMoreResults = "null";

    /// <summary>Routes <paramref name="path"/> (below <c>jobs/query</c>) by method.</summary>
    public Task HandleAsync(RestCall call, string[] path)
    {
        var method = call.Http.Request.Method;
        switch (path)
        {
            case []:
                if (HttpMethods.IsPost(method)) return CreateAsync(call);
                if (HttpMethods.IsGet(method)) return ListAsync(call);
                return NotAllowedAsync(call.Http, "GET, POST");
            case [var id]:
                if (HttpMethods.IsGet(method)) return WithJobAsync(call, id, StatusAsync);
                if (HttpMethods.IsPatch(method)) return WithJobAsync(call, id, AbortAsync);
                if (HttpMethods.IsDelete(method)) return WithJobAsync(call, id, DeleteAsync);
                return NotAllowedAsync(call.Http, "GET, PATCH, DELETE");
            case [var id, "results"]:
                if (HttpMethods.IsGet(method)) return WithJobAsync(call, id, ResultsAsync);
                return NotAllowedAsync(call.Http, "GET");
            default:
                return RestResponse.NotFoundAsync(call.Http);
        }
    }

    private async Task CreateAsync(RestCall call)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(call.Http.Request.Body) as JsonObject;
        }
        catch (JsonException e)
        {
            await Error(call, StatusCodes.Status400BadRequest, "JSON_PARSER_ERROR", "The request body is not JSON: " + e.Message);
            return;
        }
        if (body is null)
        {
            await Error(call, StatusCodes.Status400BadRequest, "JSON_PARSER_ERROR", "The request body must be a JSON object.");
            return;
        }

        var operation = Text(body, "operation");
        var soql = Text(body, "query");
        var contentType = Text(body, "contentType") ?? "CSV";
        var delimiterName = Text(body, "columnDelimiter") ?? "COMMA";
        var lineEnding = Text(body, "lineEnding") ?? "LF";
        char? delimiter = Delimiter(delimiterName);
        var problem =
            operation is not ("query" or "queryAll") ? $"Invalid operation '{operation}': use query or queryAll." :
            string.IsNullOrWhiteSpace(soql) ? "A query is required." :
            contentType != "CSV" ? $"Invalid contentType '{contentType}': only CSV is supported." :
            delimiter is null ? $"Invalid columnDelimiter '{delimiterName}': use COMMA, TAB, PIPE, SEMICOLON, CARET or BACKQUOTE." :
            lineEnding is not ("LF" or "CRLF") ? $"Invalid lineEnding '{lineEnding}': use LF or CRLF." :
            null;
        if (problem is not null)
        {
            await Error(call, StatusCodes.Status400BadRequest, InvalidJob, problem);
            return;
        }

        var includeDeleted = operation == "queryAll";
        SoqlResult probe;
        try
        {
            // Bulk refuses what it cannot chunk before anything runs (§5.2); the rest is checked by running it once.
            var syntax = SoqlParser.Parse(soql!);
            problem = syntax.IsCount ? "Aggregate queries (COUNT()) are not supported by Bulk API 2.0 query."
                : syntax.Offset is not null ? "OFFSET is not supported by Bulk API 2.0 query."
                : null;
            if (problem is not null)
            {
                await Error(call, StatusCodes.Status400BadRequest, InvalidJob, problem);
                return;
            }
            probe = emulator.Org.Query(soql!, includeDeleted);
        }
        catch (SoqlException e)
        {
            await Error(call, StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
            return;
        }
        catch (SfOrgException e)
        {
            await Error(call, StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
            return;
        }

        var job = new BulkJob(emulator.BulkJobs.NextId(), operation!, soql!, probe.ObjectName, call.Version, call.Session.UserId,
            emulator.Clock.UtcNow, delimiter!.Value, delimiterName, lineEnding);
        emulator.BulkJobs.Add(job);
        await WriteJobAsync(call, job, status: false);
    }

    private async Task ListAsync(RestCall call)
    {
        await using var body = RestResponse.Start(call.Http);
        var json = body.Writer;
        json.WriteStartObject();
        json.WriteBoolean("done", true);
        json.WriteStartArray("records");
        foreach (var job in emulator.BulkJobs.All()) WriteJob(json, job, status: true);
        json.WriteEndArray();
        json.WriteNull("nextRecordsUrl");
        json.WriteEndObject();
    }

    private Task StatusAsync(RestCall call, BulkJob job)
    {
        job.Advance(() => emulator.Org.Query(job.Soql, job.Operation == "queryAll"), emulator.Settings.BulkQueryFailure, emulator.Clock.UtcNow,
            emulator.Settings.BulkJobRunTime);
        return WriteJobAsync(call, job, status: true);
    }

    private async Task AbortAsync(RestCall call, BulkJob job)
    {
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(call.Http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            // Answered below like any body without a state.
        }
        if (Text(body, "state") != BulkJob.Aborted)
        {
            await Error(call, StatusCodes.Status400BadRequest, InvalidJob, "A query job can only be changed to state Aborted.");
            return;
        }
        if (!job.TryAbort(emulator.Clock.UtcNow))
        {
            await Error(call, StatusCodes.Status400BadRequest, "INVALIDJOBSTATE", $"Aborting a job in state {job.State} is not allowed.");
            return;
        }
        await WriteJobAsync(call, job, status: false);
    }

    private Task DeleteAsync(RestCall call, BulkJob job)
    {
        emulator.BulkJobs.Remove(job.Id);
        call.Http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task ResultsAsync(RestCall call, BulkJob job)
    {
        if (job.State != BulkJob.JobComplete || job.Result is not { } result)
        {
            await Error(call, StatusCodes.Status400BadRequest, "JOB_NOT_COMPLETE",
                $"can only download query results of successfully completed bulk job. Current state: {job.State}");
            return;
        }

        var query = call.Http.Request.Query;
        var locator = (string?)query["locator"];
        var offset = 0;
        if (!string.IsNullOrEmpty(locator) && (!TryDecodeLocator(locator, out offset) || offset <= 0 || offset >= result.RowCount))
        {
            await Error(call, StatusCodes.Status400BadRequest, "INVALID_QUERY_LOCATOR", $"Invalid locator '{locator}'.");
            return;
        }
        var maxRecords = int.MaxValue;
        var max = (string?)query["maxRecords"];
        if (max is not null && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxRecords) || maxRecords <= 0))
        {
            await Error(call, StatusCodes.Status400BadRequest, "INVALIDREQUEST", $"maxRecords must be a positive number, not '{max}'.");
            return;
        }

        var end = (int)Math.Min((long)offset + maxRecords, result.RowCount);
        var headers = call.Http.Response.Headers;
        headers["Sforce-NumberOfRecords"] = (end - offset).ToString(CultureInfo.InvariantCulture);
        // The string "null" on the last page, as Salesforce sends it (clients loop while locator != "null").
        headers["Sforce-Locator"] = end < result.RowCount ? EncodeLocator(end) : NoMoreResults;
        await CsvPageWriter.WriteAsync(call.Http, job, result, offset, end, emulator.BulkPages);
        emulator.OnQueryPageServed();
    }

    private async Task WithJobAsync(RestCall call, string id, Func<RestCall, BulkJob, Task> handle)
    {
        var job = emulator.BulkJobs.Find(id);
        if (job is null)
        {
            await RestResponse.NotFoundAsync(call.Http);
            return;
        }
        if (job.ApiVersion != call.Version)
        {
            await Error(call, StatusCodes.Status409Conflict, "API_VERSION_MISMATCH",
                $"The job was created with API version {job.ApiVersion}; use the same version (not {call.Version}) for all requests about it.");
            return;
        }
        await handle(call, job);
    }

    private static async Task WriteJobAsync(RestCall call, BulkJob job, bool status)
    {
        await using var body = RestResponse.Start(call.Http);
        WriteJob(body.Writer, job, status);
    }

    private static void WriteJob(Utf8JsonWriter json, BulkJob job, bool status)
    {
        json.WriteStartObject();
        json.WriteString("id", job.Id);
        json.WriteString("operation", job.Operation);
        json.WriteString("object", job.ObjectName);
        json.WriteString("createdById", job.CreatedById);
        json.WriteString("createdDate", Stamp(job.CreatedDate));
        json.WriteString("systemModstamp", Stamp(job.SystemModstamp));
        json.WriteString("state", job.State);
        json.WriteString("concurrencyMode", "Parallel");
        json.WriteString("contentType", "CSV");
        json.WriteNumber("apiVersion", decimal.Parse(job.ApiVersion, CultureInfo.InvariantCulture));
        json.WriteString("lineEnding", job.LineEnding);
        json.WriteString("columnDelimiter", job.ColumnDelimiterName);
        if (status)
        {
            json.WriteString("jobType", "V2Query");
            json.WriteNumber("numberRecordsProcessed", job.Result?.RowCount ?? 0);
            json.WriteNumber("retries", 0);
            json.WriteNumber("totalProcessingTime", 0);
            if (job.ErrorMessage is not null) json.WriteString("errorMessage", job.ErrorMessage);
            json.WriteBoolean("isPkChunkingSupported", true);
        }
        json.WriteEndObject();
    }

    private static Task Error(RestCall call, int status, string code, string message) => RestResponse.WriteErrorAsync(call.Http, status, code, message);

    private static Task NotAllowedAsync(HttpContext http, string allow)
    {
        http.Response.Headers.Allow = allow;
        return RestResponse.WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
            $"HTTP Method '{http.Request.Method}' not allowed. Allowed are {allow.Replace(" ", "", StringComparison.Ordinal)}");
    }

    private static string? Text(JsonObject? body, string name) =>
        body is not null && body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static char? Delimiter(string name) => name switch
    {
        "COMMA" => ',',
        "TAB" => '\t',
        "PIPE" => '|',
        "SEMICOLON" => ';',
        "CARET" => '^',
        "BACKQUOTE" => '`',
        _ => null,
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    // Like Salesforce's, a locator is the base64 of the next row's position: opaque to clients, stable, re-fetchable.
    private static string EncodeLocator(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static bool TryDecodeLocator(string locator, out int offset)
    {
        offset = 0;
        var padded = locator.PadRight(locator.Length + (4 - locator.Length % 4) % 4, '=');
        var bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written)
               && int.TryParse(Encoding.ASCII.GetString(bytes, 0, written), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
