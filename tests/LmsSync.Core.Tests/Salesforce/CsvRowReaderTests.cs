using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Bulk;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>RFC 4180 rows parsed from a buffer filled a piece at a time: every way of cutting the input gives the same rows.</summary>
public class CsvRowReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> characters per read, as a network stream may.</summary>
    private sealed class TrickleReader : TextReader
    {
        private readonly string _text;
        private readonly int _chunk;
        private int _position;

        public TrickleReader(string text, int chunk)
        {
            _text = text;
            _chunk = chunk;
        }

        public int Reads { get; private set; }

        public override Task<int> ReadAsync(char[] buffer, int index, int count)
        {
            Reads++;
            var n = Math.Min(Math.Min(count, _chunk), _text.Length - _position);
            _text.CopyTo(_position, buffer, index, n);
            _position += n;
            return Task.FromResult(n);
        }
    }

    private static async Task<List<string?[]>> Rows(string csv, int chunk = int.MaxValue, int bufferSize = 64 * 1024)
    {
        var reader = new CsvRowReader(new TrickleReader(csv, chunk), bufferSize: bufferSize);
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
        "005C,plain,\"\"\"\"\n";

    private static readonly string?[][] TrickyRows =
    {
        new string?[] { "Id", "Title", "Manager.Email" },
        new string?[] { "005A", "Line one\nline \"two\", three", "a@x.com" },
        new string?[] { "005B", null, null },
        new string?[] { "005C", "plain", "\"" },
    };

    [Fact]
    public async Task Quoted_values_keep_delimiters_line_breaks_and_doubled_quotes()
    {
        Assert.Equal(TrickyRows, await Rows(Tricky));
    }

    [Fact]
    public async Task Every_cut_of_the_input_between_reads_gives_the_same_rows()
    {
        // A quoted value with a line break and "" pairs straddles a read for some chunk size; a tiny buffer must grow.
        for (var chunk = 1; chunk <= Tricky.Length; chunk++)
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
    public async Task The_last_row_needs_no_line_break_and_a_blank_input_has_no_rows()
    {
        Assert.Equal(new[] { new string?[] { "a", "b" }, new string?[] { "1", "2" } }, await Rows("a,b\n1,2", chunk: 3, bufferSize: 4));
        Assert.Empty(await Rows(""));
    }

    [Fact]
    public async Task One_read_fills_the_buffer_with_many_rows()
    {
        var text = "\"Id\",\"Name\"\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"\"005{i:D5}\",\"User {i}\"\n"));
        var reader = new TrickleReader(text, int.MaxValue);
        var csv = new CsvRowReader(reader);
        var rows = 0;
        while (await csv.FillAsync())
            while (csv.TryReadRow()) rows++;

        Assert.Equal(1001, rows);
        Assert.True(reader.Reads <= 2, $"{reader.Reads} reads"); // the text and the end: rows are not read one await at a time
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
