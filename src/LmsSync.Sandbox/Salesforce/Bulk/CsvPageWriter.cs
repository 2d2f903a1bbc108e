using System;
using System.Globalization;
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
/// <remarks>
/// A page is 50,000 rows of some twenty values, so each value is formatted straight into one reused character
/// buffer (datetimes, dates and numbers without a string of their own) and each chunk is encoded to UTF-8 once.
/// </remarks>
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

        var line = new Chunk(FlushChars * 2);
        var columns = result.Columns.Count;
        for (var c = 0; c < columns; c++)
        {
            if (c > 0) line.Append(job.Delimiter);
            line.Quote(result.Columns[c]);
        }
        line.Append(job.LineBreak);
        for (var i = offset; i < end; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c > 0) line.Append(job.Delimiter);
                line.QuoteFlat(result.GetValue(i, c));
            }
            line.Append(job.LineBreak);
            if (line.Length >= FlushChars) await stream.WriteAsync(line.TakeUtf8());
        }
        await stream.WriteAsync(line.TakeUtf8());
        if (gzip is not null) await gzip.DisposeAsync();
    }

    /// <summary>A growable character buffer that values are quoted and formatted into.</summary>
    private sealed class Chunk(int capacity)
    {
        private char[] _chars = new char[capacity];
        private byte[] _bytes = Array.Empty<byte>();

        public int Length { get; private set; }

        /// <summary>The characters so far as UTF-8 (valid until the next call), the buffer emptied.</summary>
        public ReadOnlyMemory<byte> TakeUtf8()
        {
            var most = Encoding.UTF8.GetMaxByteCount(Length);
            if (_bytes.Length < most) _bytes = new byte[most];
            var count = Encoding.UTF8.GetBytes(_chars, 0, Length, _bytes, 0);
            Length = 0;
            return _bytes.AsMemory(0, count);
        }

        public void Append(char ch)
        {
            Room(1);
            _chars[Length++] = ch;
        }

        public void Append(string text)
        {
            Room(text.Length);
            text.CopyTo(0, _chars, Length, text.Length);
            Length += text.Length;
        }

        /// <summary>A value as <see cref="WireFormat.ToFlatText"/> writes it, quoted; null as nothing.</summary>
        public void QuoteFlat(object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string s:
                    Quote(s);
                    return;
                case DateTimeOffset dt:
                    Formatted(dt.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
                    return;
                case DateOnly date:
                    Formatted(date, "yyyy-MM-dd");
                    return;
                default:
                    Quote(WireFormat.ToFlatText(value)!); // booleans and numbers; throws for a type with no flat form
                    return;
            }
        }

        public void Quote(string value)
        {
            Room(value.Length * 2 + 2);
            _chars[Length++] = '"';
            var span = value.AsSpan();
            for (int quote; (quote = span.IndexOf('"')) >= 0; span = span[(quote + 1)..])
            {
                span[..(quote + 1)].CopyTo(_chars.AsSpan(Length));
                Length += quote + 1;
                _chars[Length++] = '"'; // "" inside quotes: a literal quote
            }
            span.CopyTo(_chars.AsSpan(Length));
            Length += span.Length;
            _chars[Length++] = '"';
        }

        /// <summary>A value that formats without quotes or line breaks of its own, quoted.</summary>
        private void Formatted<T>(T value, string format) where T : ISpanFormattable
        {
            Room(64);
            _chars[Length++] = '"';
            if (!value.TryFormat(_chars.AsSpan(Length, 62), out var written, format, CultureInfo.InvariantCulture))
                throw new InvalidOperationException($"{value} did not format as {format}.");
            Length += written;
            _chars[Length++] = '"';
        }

        private void Room(int more)
        {
            if (Length + more <= _chars.Length) return;
            var grown = new char[Math.Max(_chars.Length * 2, Length + more)];
            Array.Copy(_chars, grown, Length);
            _chars = grown;
        }
    }
}
