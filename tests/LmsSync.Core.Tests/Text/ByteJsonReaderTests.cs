using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LmsSync.Core.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Text;

/// <summary>
/// <see cref="ByteJsonReader"/> against <see cref="JsonTextReader"/> over the same bytes decoded by a StreamReader (how
/// the list pages were read before). The contract: on any input the byte reader gives the text reader's tokens one for
/// one (type, value and its type, depth, path) until it either reaches the end where the text reader does, or gives up
/// — at or before the token where the text reader throws or the two would differ, never after; and on plain JSON that
/// the text reader reads to its end, it never gives up. <see cref="ByteJson.Read{T}"/> then always comes out exactly as
/// the text reader alone: the same tokens, or the same exception with the same message.
/// </summary>
public sealed class ByteJsonReaderTests
{
    private static readonly ByteNameTable Names = new ByteNameTable(RandomJson.KnownNames);

    private static readonly FloatParseHandling[] Floats = { FloatParseHandling.Decimal, FloatParseHandling.Double };

    [Fact]
    public void Random_plain_documents_read_token_for_token_as_the_text_reader_reads_them()
    {
        var read = 0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var json = new RandomJson(seed).Document();
            foreach (var floats in Floats)
            {
                var expected = JsonTrace.Of(JsonTrace.TextReader(json, floats));
                var actual = JsonTrace.Of(new ByteJsonReader(json, json.Length, Names, floats));
                AssertAgrees(expected, actual, json);
                if (expected.Ended)
                {
                    Assert.True(actual.Ended, $"gave up on plain JSON ({actual.Failure?.Message}): {Show(json)}");
                    read++;
                }
                AssertReadsAsTextReader(json, floats);
            }
        }
        // Most documents are read to the end (the rest hold a number too large for a decimal, which the text reader refuses).
        Assert.True(read > 2000, read + " documents read to the end");
    }

    [Fact]
    public void A_document_cut_short_anywhere_is_given_up_no_later_than_the_text_reader_fails()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var json = new RandomJson(10_000 + seed).Document();
            for (var cut = 0; cut < json.Length; cut++)
            {
                var part = json.Take(cut).ToArray();
                var actual = JsonTrace.Of(new ByteJsonReader(part, part.Length, Names, FloatParseHandling.Decimal));
                AssertAgrees(JsonTrace.Of(JsonTrace.TextReader(part, FloatParseHandling.Decimal)), actual, part);
                AssertReadsAsTextReader(part, FloatParseHandling.Decimal);
            }
        }
    }

    [Fact]
    public void Random_bytes_changed_inserted_or_appended_never_make_the_readers_differ()
    {
        var random = new Random(7);
        // Bytes that matter to a JSON reader, bytes of broken UTF-8, and any byte at all.
        var interesting = Encoding.UTF8.GetBytes("\"\\/{}[],:tfn0-+.eEuU \t\r\n'x#").Concat(new byte[] { 0, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0xEF, 0xBB }).ToArray();
        for (var i = 0; i < 4000; i++)
        {
            var json = new List<byte>(new RandomJson(20_000 + i).Document());
            var changes = 1 + random.Next(3);
            for (var k = 0; k < changes; k++)
            {
                var b = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
                var at = random.Next(json.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when at < json.Count: json[at] = b; break;
                    case 1: json.Insert(at, b); break;
                    default: json.Add(b); break;
                }
            }
            var bytes = json.ToArray();
            foreach (var floats in Floats)
            {
                AssertAgrees(JsonTrace.Of(JsonTrace.TextReader(bytes, floats)), JsonTrace.Of(new ByteJsonReader(bytes, bytes.Length, Names, floats)), bytes);
                AssertReadsAsTextReader(bytes, floats);
            }
        }
    }

    public static IEnumerable<object[]> Inputs()
    {
        // Lenient input JsonTextReader accepts: left to it, with its result.
        yield return Case("comments", "{/*c*/\"a\":1 // c\n}");
        yield return Case("comment after the root", "{\"a\":1} /* c */");
        yield return Case("single quotes", "{'a':'b'}");
        yield return Case("unquoted name", "{a:1}");
        yield return Case("trailing comma in an object", "{\"a\":1,}");
        yield return Case("trailing comma in an array", "[1,2,]");
        yield return Case("an empty array element", "[1,,2]");
        yield return Case("NaN", "[NaN]");
        yield return Case("Infinity", "[Infinity,-Infinity]");
        yield return Case("undefined", "[undefined]");
        yield return Case("a constructor", "{\"d\":new Date(1)}");
        yield return Case("a leading zero (octal)", "[012]");
        yield return Case("hex", "[0x1F]");
        yield return Case("raw control characters in a string", "[\"a\tb\u0001c\"]");
        yield return Case("a NUL between tokens", "[1,\u00002]");
        yield return Case("a no-break space between tokens", "[1,\u00a02]");
        yield return Case("a line separator between tokens", "{\"a\":\u20281}");
        yield return Case("a lone high surrogate", "[\"\\uD800\"]");
        yield return Case("a lone high surrogate before text", "[\"\\uD800abc\"]");
        yield return Case("two high surrogates", "[\"\\uD800\\uD800\\uDC00\"]");
        yield return Case("a high surrogate before a plain escape", "[\"\\uD800\\u0041\"]");
        yield return Case("a lone low surrogate", "[\"\\uDC00\"]");
        yield return Case("a number before a comment", "[1/*c*/]");
        yield return Case("true before a comment", "[true//c\n]");
        yield return Case("empty", "");
        yield return Case("whitespace only", " \r\n\t");
        yield return Case("a bare root value", "\"text\"");
        yield return Case("a bare root number", " 12 ");
        yield return Case("UTF-8 byte order mark", "\uFEFF{\"a\":\"é\"}");
        yield return Case("two byte order marks", "\uFEFF\uFEFF{}");
        yield return Bytes("UTF-16 LE with its byte order mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"a\":\"é\"}")).ToArray());
        yield return Bytes("UTF-16 BE with its byte order mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("{\"a\":1}")).ToArray());
        // Malformed: the text reader's error stands.
        yield return Case("a bad escape", "[\"a\\xb\"]");
        yield return Case("a bad unicode escape", "[\"\\u12G4\"]");
        yield return Case("a short unicode escape", "[\"\\u12\"]");
        yield return Case("an escape at the end", "[\"\\");
        yield return Case("an unterminated string", "{\"a\":\"b");
        yield return Case("an unterminated name", "{\"a");
        yield return Case("no colon", "{\"a\" 1}");
        yield return Case("no comma", "[1 2]");
        yield return Case("no comma between members", "{\"a\":1 \"b\":2}");
        yield return Case("a mismatched close", "[1}");
        yield return Case("a mismatched close of an object", "{\"a\":1]");
        yield return Case("a stray close", "]");
        yield return Case("garbage after the root", "{} x");
        yield return Case("a second root", "{}{}");
        yield return Case("an object cut after a value", "{\"a\":1");
        yield return Case("an array cut after a value", "[1");
        yield return Case("cut after a name", "{\"a\":");
        yield return Case("cut after the opening", "{");
        yield return Case("a misspelt literal", "[tru]");
        yield return Case("a literal run on", "[truex]");
        yield return Case("a literal in capitals", "[True]");
        yield return Case("a number run into a letter", "[12a]");
        yield return Case("a trailing dot", "[1.]");
        yield return Case("a leading dot", "[.5]");
        yield return Case("an empty exponent", "[1e]");
        yield return Case("a plus sign", "[+1]");
        yield return Case("two minus signs", "[--1]");
        yield return Case("a lone minus", "[-]");
        yield return Case("a decimal too large", "[1e400]");
        yield return Case("an integer of 400 digits", "[" + new string('9', 400) + "]");
        yield return Case("nesting deeper than 64", new string('[', 70) + new string(']', 70));
        yield return Case("nesting of 64", new string('[', 64) + new string(']', 64));
        yield return Case("a value where a name goes", "{1:2}");
        yield return Case("a colon in an array", "[1:2]");
        // Invalid UTF-8 inside strings decodes to U+FFFD as StreamReader does it; outside strings it is an error.
        yield return Bytes("a lone continuation byte", Utf8("[\"a", 0x80, "b\"]"));
        yield return Bytes("a cut two-byte sequence", Utf8("[\"a", 0xC3, "\"]"));
        yield return Bytes("a cut three-byte sequence before an escape", Utf8("[\"", 0xE2, 0x82, "\\n\"]"));
        yield return Bytes("a cut four-byte sequence", Utf8("[\"", 0xF0, 0x9F, 0x98, "x\"]"));
        yield return Bytes("an overlong encoding", Utf8("[\"", 0xC0, 0xAF, "\"]"));
        yield return Bytes("an encoded surrogate", Utf8("[\"", 0xED, 0xA0, 0x80, "\"]"));
        yield return Bytes("a byte beyond Unicode", Utf8("[\"", 0xF5, 0x80, 0x80, 0x80, "\"]"));
        yield return Bytes("0xFF in a name", Utf8("{\"", 0xFF, "\":1}"));
        yield return Bytes("invalid UTF-8 between tokens", Utf8("[1,", 0xC3, "2]"));
        yield return Bytes("a cut sequence at the end of the body", Utf8("[\"a\"]", 0xE2, 0x82));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Lenient_malformed_and_odd_input_comes_out_as_the_text_reader_alone_makes_it(string label, byte[] json)
    {
        foreach (var floats in Floats)
        {
            var expected = JsonTrace.Of(JsonTrace.TextReader(json, floats));
            AssertAgrees(expected, JsonTrace.Of(new ByteJsonReader(json, json.Length, Names, floats)), json);
            AssertReadsAsTextReader(json, floats);
        }
        Assert.NotNull(label);
    }

    [Theory]
    [InlineData("{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}", "\"\\/\b\f\n\r\t")]
    [InlineData("{\"a\":\"\\u00e9\\u20ac\\uD83D\\uDE00\"}", "é€😀")]
    [InlineData("{\"a\":\"x\\u0000y\"}", "x\0y")]
    [InlineData("{\"a\":\"é€😀𝄞\"}", "é€😀𝄞")]
    [InlineData("{\"a\":\"\"}", "")]
    [InlineData("{\"a\":\"plain\"}", "plain")]
    public void Strings_are_decoded_from_their_bytes_and_escapes(string json, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new ByteJsonReader(bytes, bytes.Length, Names, FloatParseHandling.Decimal);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(JsonToken.String, reader.TokenType);
        Assert.Equal(value, reader.Value);
        Assert.True(reader.Read());
        Assert.Equal(JsonToken.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_known_name_is_the_tables_own_string_and_an_unknown_one_is_decoded()
    {
        var json = Encoding.UTF8.GetBytes("{\"userId\":1,\"émoji\":2,\"userIdx\":3,\"user\\u0049d\":4}");
        var known = JsonTrace.Of(new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Decimal));
        Assert.True(known.Ended);
        var names = new List<string>();
        var reader = new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Decimal);
        while (reader.Read())
            if (reader.TokenType == JsonToken.PropertyName) names.Add((string)reader.Value!);
        Assert.Equal(new[] { "userId", "émoji", "userIdx", "userId" }, names);
        Assert.Same(RandomJson.KnownNames[0], names[0]);
        Assert.Same(RandomJson.KnownNames[7], names[1]);
        Assert.Null(Names.Get(Encoding.UTF8.GetBytes("userIdx"), 0, 7));
        Assert.Null(Names.Get(Encoding.UTF8.GetBytes("xuserId"), 1, 5));
        Assert.Same(RandomJson.KnownNames[0], Names.Get(Encoding.UTF8.GetBytes("xuserIdx"), 1, 6));
    }

    [Fact]
    public void Skip_and_a_token_tree_work_over_it_as_over_the_text_reader()
    {
        var json = Encoding.UTF8.GetBytes("{\"skip\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},\"keep\":{\"x\":[1.50,true,\"é\"]}}");
        var reader = new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Decimal);
        reader.Read();
        reader.Read();
        reader.Skip();
        Assert.Equal(JsonToken.EndObject, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        reader.Read();
        Assert.Equal("keep", reader.Value);
        reader.Read();
        var tree = Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
        Assert.Equal("{\"x\":[1.50,true,\"é\"]}", tree.ToString(Formatting.None));
        Assert.True(reader.Read());
        Assert.Equal(JsonToken.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void SkipValue_passes_what_Skip_passes_and_stops_where_it_stops()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var json = new RandomJson(30_000 + seed).Document();
            // Skip the first value, and (in another pair) the first member's value, then read the rest token by token.
            foreach (var reads in new[] { 1, 3 })
            {
                var skipped = new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Double);
                var passed = new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Double);
                var expected = JsonTrace.Of(Skipping(skipped, reads, r => r.Skip()));
                var actual = JsonTrace.Of(Skipping(passed, reads, r => r.SkipValue()));
                Assert.Equal(expected.Tokens, actual.Tokens);
                Assert.Equal(expected.Failure?.GetType(), actual.Failure?.GetType());
            }
        }
    }

    /// <summary>The reader after <paramref name="reads"/> reads and a skip (what fails there fails on its first read after).</summary>
    private static JsonReader Skipping(ByteJsonReader reader, int reads, System.Action<ByteJsonReader> skip)
    {
        try
        {
            for (var i = 0; i < reads; i++) reader.Read();
            skip(reader);
            return reader;
        }
        catch (System.Exception e)
        {
            return new FailingReader(e);
        }
    }

    private sealed class FailingReader : JsonReader
    {
        private readonly System.Exception _failure;

        public FailingReader(System.Exception failure) => _failure = failure;

        public override bool Read() => throw _failure;
    }

    [Fact]
    public void A_tokens_bytes_are_its_text_in_the_body()
    {
        var read = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var json = new RandomJson(40_000 + seed).Document();
            var reader = new ByteJsonReader(json, json.Length, Names, FloatParseHandling.Double);
            try
            {
                while (reader.Read())
                {
                    var text = Encoding.UTF8.GetString(json, reader.TokenStart, reader.TokenEnd - reader.TokenStart);
                    switch (reader.TokenType)
                    {
                        case JsonToken.StartObject: Assert.Equal("{", text); break;
                        case JsonToken.EndObject: Assert.Equal("}", text); break;
                        case JsonToken.StartArray: Assert.Equal("[", text); break;
                        case JsonToken.EndArray: Assert.Equal("]", text); break;
                        default:
                            // A name or a scalar: its text alone reads back as the same value.
                            var alone = JsonTrace.TextReader(Encoding.UTF8.GetBytes(text), FloatParseHandling.Double);
                            Assert.True(alone.Read());
                            Assert.Equal(reader.TokenType == JsonToken.PropertyName ? JsonToken.String : reader.TokenType, alone.TokenType);
                            Assert.Equal(reader.Value, alone.Value);
                            break;
                    }
                    read++;
                }
            }
            catch (ByteJsonReader.NotTakenException)
            {
                // Not plain JSON (a number no decimal holds): the tokens before were checked.
            }
        }
        Assert.True(read > 3000, read + " tokens checked");
    }

    [Fact]
    public void What_it_does_not_take_on_is_read_again_by_the_text_reader_with_its_values_and_errors()
    {
        var lenient = Encoding.UTF8.GetBytes("{'a':/*c*/[1,],b:NaN}");
        var tokens = ByteJson.Read(lenient, lenient.Length, Names, FloatParseHandling.Double, text => JsonTrace.OpenText(text, FloatParseHandling.Double), JsonTrace.ReadAll);
        Assert.Contains(tokens, t => t.StartsWith("Comment"));
        Assert.Contains(tokens, t => t.StartsWith("Float Double [NaN]"));

        var cut = Encoding.UTF8.GetBytes("{\"a\":\"b");
        var error = Assert.Throws<JsonReaderException>(() => ByteJson.Read(cut, cut.Length, Names, FloatParseHandling.Decimal, text => JsonTrace.OpenText(text, FloatParseHandling.Decimal), JsonTrace.ReadAll));
        Assert.Contains("Unterminated string", error.Message);
    }

    /// <summary>The byte reader's tokens are the text reader's, one for one, to where it ended or gave up; its end is the text reader's end.</summary>
    private static void AssertAgrees(JsonTrace expected, JsonTrace actual, byte[] json)
    {
        if (actual.Ended)
        {
            Assert.True(expected.Ended, $"read to the end where JsonTextReader fails ({expected.Failure?.Message}): {Show(json)}");
            Assert.Equal(expected.Tokens, actual.Tokens);
            return;
        }
        Assert.True(actual.Tokens.Count <= expected.Tokens.Count, $"gave up after JsonTextReader stopped: {Show(json)}");
        Assert.Equal(expected.Tokens.Take(actual.Tokens.Count), actual.Tokens);
    }

    /// <summary><see cref="ByteJson.Read{T}"/> on the bytes: exactly what the text reader alone returns or throws.</summary>
    private static void AssertReadsAsTextReader(byte[] json, FloatParseHandling floats)
    {
        List<string>? expected = null, actual = null;
        Exception? expectedError = null, actualError = null;
        try
        {
            expected = JsonTrace.ReadAll(JsonTrace.TextReader(json, floats));
        }
        catch (Exception e)
        {
            expectedError = e;
        }
        try
        {
            actual = ByteJson.Read(json, json.Length, Names, floats, text => JsonTrace.OpenText(text, floats), JsonTrace.ReadAll);
        }
        catch (Exception e)
        {
            actualError = e;
        }
        Assert.Equal(expected, actual);
        Assert.Equal(expectedError?.GetType(), actualError?.GetType());
        Assert.Equal(expectedError?.Message, actualError?.Message);
    }

    private static object[] Case(string label, string json) => new object[] { label, Encoding.UTF8.GetBytes(json) };

    private static object[] Bytes(string label, byte[] json) => new object[] { label, json };

    /// <summary>Text and raw bytes, in order.</summary>
    private static byte[] Utf8(params object[] parts) =>
        parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : new[] { Convert.ToByte(p) }).ToArray();

    private static string Show(byte[] json) => BitConverter.ToString(json.Take(200).ToArray()) + " = " + Encoding.UTF8.GetString(json.Take(200).ToArray());
}
