using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Rest;
using LmsSync.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>
/// Writes one page of a Bulk 2.0 result as CSV (salesforce-api.md §5.3): a header of the field paths as
/// selected, then one line per record; every value quoted (RFC 4180, <c>""</c> escapes a quote), null as an
/// empty field; UTF-8 without BOM; gzip when the client accepts it. Written in chunks, not held whole.
/// </summary>
internal static class CsvPageWriter
{
    private const int FlushChars = 32 * 1024;

    public static async Task WriteAsync(HttpContext http, BulkJob job, SoqlResult result, int offset, int end)
    {
        http.Response.ContentType = "text/csv";
        Stream stream = http.Response.Body;
        GZipStream? gzip = null;
        if (RestResponse.AcceptsGzip(http.Request.Headers.AcceptEncoding))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.Headers.Vary = "Accept-Encoding";
            gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            stream = gzip;
        }

        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            var line = new StringBuilder(FlushChars * 2);
            for (var c = 0; c < result.Columns.Count; c++)
            {
                if (c > 0) line.Append(job.Delimiter);
                Quote(line, result.Columns[c]);
            }
            line.Append(job.LineBreak);
            for (var i = offset; i < end; i++)
            {
                for (var c = 0; c < result.Columns.Count; c++)
                {
                    if (c > 0) line.Append(job.Delimiter);
                    if (result.GetFlatValue(i, result.Columns[c]) is { } value) Quote(line, value);
                }
                line.Append(job.LineBreak);
                if (line.Length >= FlushChars)
                {
                    await writer.WriteAsync(line);
                    line.Clear();
                }
            }
            await writer.WriteAsync(line);
        }
        if (gzip is not null) await gzip.DisposeAsync();
    }

    private static void Quote(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var ch in value)
        {
            if (ch == '"') line.Append('"');
            line.Append(ch);
        }
        line.Append('"');
    }
}
