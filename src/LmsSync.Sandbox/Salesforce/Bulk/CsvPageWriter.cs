using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Rest;
using LmsSync.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>
/// Writes one page of a Bulk 2.0 result as CSV (salesforce-api.md §5.3): a header of the field paths as
/// selected, then one line per record; every value quoted (RFC 4180, <c>""</c> escapes a quote), null as an
/// empty field; UTF-8 without BOM; gzip when the client accepts it. Written in chunks as it is made; the bytes sent are
/// kept (<see cref="BulkPageCache"/>) and sent again for the same page of a later job over the same rows.
/// </summary>
/// <remarks>
/// A page is 50,000 rows of some twenty values, so each value is formatted straight into one reused character
/// buffer (datetimes, dates and numbers without a string of their own) and each chunk is encoded to UTF-8 once.
/// </remarks>
internal static class CsvPageWriter
{
    private const int FlushChars = 32 * 1024;

    public static async Task WriteAsync(HttpContext http, BulkJob job, SoqlResult result, int offset, int end, BulkPageCache pages)
    {
        http.Response.ContentType = "text/csv";
        var gzip = RestResponse.AcceptsGzip(http.Request.Headers.AcceptEncoding);
        if (gzip)
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.Headers.Vary = "Accept-Encoding";
        }
        var key = new BulkPageKey(result, job.Delimiter, job.LineBreak, offset, end, gzip);
        if (pages.Find(key) is { } kept)
        {
            await http.Response.Body.WriteAsync(kept);
            return;
        }

        // What goes to the wire is also kept, for the next job over the same rows.
        var captured = new CapturingStream(http.Response.Body);
        Stream stream = captured;
        GZipStream? compressed = gzip ? new GZipStream(captured, CompressionLevel.Fastest, leaveOpen: true) : null;
        if (compressed is not null) stream = compressed;

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
        if (compressed is not null) await compressed.DisposeAsync();
        pages.Keep(key, captured.Captured());
    }

    /// <summary>Writes through to the response and keeps a copy of every byte written.</summary>
    private sealed class CapturingStream(Stream inner) : Stream
    {
        private readonly MemoryStream _copy = new();

        public byte[] Captured() => _copy.ToArray();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _copy.Write(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The response is written asynchronously.");
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => throw new NotSupportedException("The response is written asynchronously.");
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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
