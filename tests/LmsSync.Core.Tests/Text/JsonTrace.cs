using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using LmsSync.Core.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Text;

/// <summary>
/// A reader's token stream as text (type, the value's type and invariant text, depth, path), and how it ended, so two
/// readers can be compared token for token: a decimal's scale, a BigInteger or a double all show.
/// </summary>
internal sealed class JsonTrace
{
    public readonly List<string> Tokens = new List<string>();

    /// <summary>Null when the reader came to the end of the input; else the exception it threw.</summary>
    public Exception? Failure;

    public bool Ended => Failure == null;

    /// <summary>Reads to the end, recording each token and the exception that stopped it, if any.</summary>
    public static JsonTrace Of(JsonReader reader)
    {
        var trace = new JsonTrace();
        try
        {
            ReadInto(reader, trace.Tokens);
        }
        catch (Exception e)
        {
            trace.Failure = e;
        }
        return trace;
    }

    /// <summary>Every token to the end; an exception propagates (<see cref="ByteJson.Read{T}"/> must see it to read again).</summary>
    public static List<string> ReadAll(JsonReader reader)
    {
        var tokens = new List<string>();
        ReadInto(reader, tokens);
        return tokens;
    }

    /// <summary>Each token as it is read, so the tokens before a failure are kept.</summary>
    private static void ReadInto(JsonReader reader, List<string> tokens)
    {
        while (reader.Read()) tokens.Add(Describe(reader));
        tokens.Add("end " + Describe(reader));
    }

    private static string Describe(JsonReader reader)
    {
        var value = reader.Value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(reader.Value is double ? "R" : null, CultureInfo.InvariantCulture),
            _ => reader.Value.ToString(),
        };
        return $"{reader.TokenType} {reader.Value?.GetType().Name} [{value}] depth {reader.Depth} at '{reader.Path}'";
    }

    /// <summary>JsonTextReader over the bytes decoded as a response body was decoded: a StreamReader in UTF-8.</summary>
    public static JsonTextReader TextReader(byte[] json, FloatParseHandling floats) =>
        OpenText(new StreamReader(new MemoryStream(json, writable: false), Encoding.UTF8), floats);

    public static JsonTextReader OpenText(TextReader text, FloatParseHandling floats) =>
        new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = floats };
}
