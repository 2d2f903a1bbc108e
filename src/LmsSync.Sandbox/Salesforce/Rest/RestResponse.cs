using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// Writes REST JSON bodies straight to the response (gzip when the client accepts it, as the
/// reference tells clients to ask), and the error envelope <c>[{"message":…,"errorCode":…}]</c>.
/// </summary>
internal static class RestResponse
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    /// <summary>Above this many buffered bytes a writer is flushed to the wire, so a page streams instead of piling up.</summary>
    public const int FlushThreshold = 32 * 1024;

    /// <summary>Starts a JSON body; dispose the returned body (async) to finish it.</summary>
    public static JsonBody Start(HttpContext http, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        Stream stream = http.Response.Body;
        GZipStream? gzip = null;
        if (AcceptsGzip(http.Request.Headers.AcceptEncoding))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.Headers.Vary = "Accept-Encoding";
            gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            stream = gzip;
        }
        return new JsonBody(new Utf8JsonWriter(stream), gzip);
    }

    public static async Task WriteErrorAsync(HttpContext http, int status, string errorCode, string message, IReadOnlyList<string>? fields = null)
    {
        await using var body = Start(http, status);
        var json = body.Writer;
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("message", message);
        json.WriteString("errorCode", errorCode);
        if (fields is { Count: > 0 })
        {
            json.WriteStartArray("fields");
            foreach (var field in fields) json.WriteStringValue(field);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    public static Task NotFoundAsync(HttpContext http) =>
        WriteErrorAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");

    public static Task InvalidSessionAsync(HttpContext http) =>
        WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid");

    internal static bool AcceptsGzip(StringValues acceptEncoding)
    {
        foreach (var header in acceptEncoding)
        {
            if (header is null) continue;
            foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                if (!pieces[0].Equals("gzip", StringComparison.OrdinalIgnoreCase)) continue;
                var refused = pieces.Length > 1 && pieces[1].Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000";
                return !refused;
            }
        }
        return false;
    }

    /// <summary>A JSON body being written: flush it as it grows, dispose it at the end.</summary>
    public sealed class JsonBody(Utf8JsonWriter writer, GZipStream? gzip) : IAsyncDisposable
    {
        public Utf8JsonWriter Writer { get; } = writer;

        public async ValueTask FlushIfFullAsync()
        {
            if (Writer.BytesPending >= FlushThreshold) await Writer.FlushAsync().ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            await Writer.FlushAsync().ConfigureAwait(false);
            await Writer.DisposeAsync().ConfigureAwait(false);
            if (gzip is not null) await gzip.DisposeAsync().ConfigureAwait(false);
        }
    }
}
