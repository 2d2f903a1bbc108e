using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Bulk;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>RFC 4180 rows parsed from a buffer filled a piece at a time: every way of cutting the input gives the same rows.</summary>
public class CsvRowReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> bytes of the text's UTF-8 per read, as a network stream may (cutting characters too).</summary>
    private sealed class TrickleStream : Stream
    {
        private readonly byte[] _bytes;
        private readonly int _chunk;
        private int _position;

        public TrickleStream(string text, int chunk)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            _chunk = chunk;
        }

        public int Reads { get; private set; }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            var n = Math.Min(Math.Min(count, _chunk), _bytes.Length - _position);
            Array.Copy(_bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<List<string?[]>> Rows(string csv, int chunk = int.MaxValue, int bufferSize = 64 * 1024)
    {
        var reader = new CsvRowReader(new TrickleStream(csv, chunk), bufferSize: bufferSize);
        var rows = new List<string?[]>();
        while (await reader.FillAsync())
        {
            while (reader.TryReadRow())
            {
                var row = new string?[reader.Count];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
                rows.Add(row);
            }
        }
        return rows;
    }

    private const string Tricky =
        "\"Id\",\"Title\",\"Manager.Email\"\n" +
        "\"005A\",\"Line one\nline \"\"two\"\", three\",\"a@x.com\"\n" +
        "\"005B\",,\"\"\n" +
        "005C,Zürich 東京 ✓,\"\"\"\"\n";

    private static readonly string?[][] TrickyRows =
    {
        new string?[] { "Id", "Title", "Manager.Email" },
        new string?[] { "005A", "Line one\nline \"two\", three", "a@x.com" },
        new string?[] { "005B", null, null },
        new string?[] { "005C", "Zürich 東京 ✓", "\"" },
    };

    [Fact]
    public async Task Quoted_values_keep_delimiters_line_breaks_and_doubled_quotes()
    {
        Assert.Equal(TrickyRows, await Rows(Tricky));
    }

    [Fact]
    public async Task Every_cut_of_the_input_between_reads_gives_the_same_rows()
    {
        // A quoted value with a line break and "" pairs, or a character's UTF-8 bytes, straddle a read for some chunk size; a tiny buffer must grow.
        for (var chunk = 1; chunk <= Encoding.UTF8.GetByteCount(Tricky); chunk++)
        {
            Assert.Equal(TrickyRows, await Rows(Tricky, chunk, bufferSize: 4));
            Assert.Equal(TrickyRows, await Rows(Tricky, chunk, bufferSize: 16));
        }
    }

    [Fact]
    public async Task CRLF_and_LF_end_rows_alike_and_a_CR_inside_quotes_is_kept()
    {
        var crlf = "\"Id\",\"Title\"\r\n\"005A\",\"one\r\ntwo\"\r\n005B,plain\r\n005C,\r\n";
        var expected = new[]
        {
            new string?[] { "Id", "Title" },
            new string?[] { "005A", "one\r\ntwo" },
            new string?[] { "005B", "plain" },
            new string?[] { "005C", null },
        };

        for (var chunk = 1; chunk <= crlf.Length; chunk++) Assert.Equal(expected, await Rows(crlf, chunk, bufferSize: 8));
        Assert.Equal(expected, await Rows(crlf.Replace("\r\n", "\n").Replace("one\ntwo", "one\r\ntwo")));
    }

    [Fact]
    public async Task Empty_values_quoted_or_not_are_null_but_a_quoted_space_is_text()
    {
        var rows = await Rows("a,b,c,d\n,\"\",\" \",\n");

        Assert.Equal(new string?[] { null, null, " ", null }, rows[1]);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        Assert.Equal(new[] { new string?[] { "Id", "Name" }, new string?[] { "1", "x" } }, await Rows("\uFEFFId,Name\n1,x\n", chunk: 1, bufferSize: 4));
    }

    [Fact]
    public async Task The_last_row_needs_no_line_break_and_a_blank_input_has_no_rows()
    {
        Assert.Equal(new[] { new string?[] { "a", "b" }, new string?[] { "1", "2" } }, await Rows("a,b\n1,2", chunk: 3, bufferSize: 4));
        Assert.Empty(await Rows(""));
    }

    [Fact]
    public async Task One_read_fills_the_buffer_with_many_rows()
    {
        var text = "\"Id\",\"Name\"\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"\"005{i:D5}\",\"User {i}\"\n"));
        var reader = new TrickleStream(text, int.MaxValue);
        var csv = new CsvRowReader(reader);
        var rows = 0;
        while (await csv.FillAsync())
            while (csv.TryReadRow()) rows++;

        Assert.Equal(1001, rows);
        // A read per 16 KiB of input and one for the end: rows are not read one await at a time.
        Assert.True(reader.Reads <= Encoding.UTF8.GetByteCount(text) / (16 * 1024) + 2, $"{reader.Reads} reads");
    }

    [Theory]
    [InlineData("a,b\n\"open,1\n", "ends inside a quoted value")]
    [InlineData("a,b\nx\"y,1\n", "quote inside an unquoted")]
    [InlineData("a,b\n\"x\"y,1\n", "text after the closing quote")]
    public async Task Malformed_CSV_is_an_error_wherever_the_reads_cut_it(string csv, string message)
    {
        for (var chunk = 1; chunk <= csv.Length; chunk++)
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => Rows(csv, chunk, bufferSize: 4));
            Assert.Contains(message, error.Message);
        }
    }
}
