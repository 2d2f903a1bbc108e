using System;
using System.Text;

namespace LmsSync.Core.Tests.Text;

/// <summary>
/// Random plain JSON documents for comparing readers: nested objects and arrays (empty ones too), strings with every
/// escape, escaped surrogate pairs and raw non-ASCII of two, three and four bytes, numbers in every form JSON has (and
/// some no decimal or long holds), the three literals, and whitespace of every JSON kind between any two tokens.
/// </summary>
internal sealed class RandomJson
{
    /// <summary>Names the readers' tables know (ASCII and one written with an escape), and names they do not.</summary>
    public static readonly string[] KnownNames = { "userId", "fields", "status", "name", "value", "first_name", "groups", "émoji" };

    private static readonly string[] Names =
    {
        "\"userId\"", "\"fields\"", "\"status\"", "\"name\"", "\"value\"", "\"first_name\"", "\"groups\"", "\"émoji\"", "\"user\\u0049d\"",
        "\"\"", "\"unknown\"", "\"ключ\"", "\"a b\"", "\"\\\"quoted\\\"\"", "\"😀\"", "\"userIdx\"", "\"userI\"",
    };

    private static readonly string[] Numbers =
    {
        "0", "-0", "7", "-7", "42", "255", "256", "-1", "123456789012345678", "-123456789012345678", "1234567890123456789",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "0.5", "-0.0", "1.50", "3.14159", "1e5", "1E5", "1e+5", "1E-5", "-2.5e3", "0e0", "1.0e-10", "12345678901234567890.123456789",
        "0.1234567890123456789012345678901", "1e28", "1e29", "7.9228162514264337593543950335e28", "1e400", "-1e400", "1e-400",
        "4.9e-324", "1.7976931348623157e308", "100", "1000000",
    };

    private static readonly string[] Escapes = { "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u20AC", "\\u0000", "\\u001f", "\\uD83D\\uDE00", "\\udbff\\udfff", "\\uFFFF", "\\uFEFF" };

    private static readonly string[] Raw = { "a", "Z", "0", " ", "/", "'", "é", "€", "中", "😀", "𝄞", "\u007f", "\u00a0", "\uFEFF", "~", "<>&" };

    private static readonly string[] Space = { " ", "\t", "\r", "\n", "\r\n", "  " };

    private readonly Random _random;
    private readonly StringBuilder _text = new StringBuilder();

    public RandomJson(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>A document; its root is an object or an array most of the time, any value otherwise.</summary>
    public byte[] Document()
    {
        _text.Clear();
        Whitespace();
        switch (_random.Next(10))
        {
            case 0: Value(3); break;
            case 1: Array(0); break;
            default: Object(0); break;
        }
        Whitespace();
        return Encoding.UTF8.GetBytes(_text.ToString());
    }

    private void Value(int depth)
    {
        switch (_random.Next(depth >= 4 ? 5 : 8))
        {
            case 0: String(); break;
            case 1: _text.Append(Numbers[_random.Next(Numbers.Length)]); break;
            case 2: _text.Append("true"); break;
            case 3: _text.Append("false"); break;
            case 4: _text.Append("null"); break;
            case 5: Array(depth + 1); break;
            default: Object(depth + 1); break;
        }
    }

    private void Object(int depth)
    {
        _text.Append('{');
        Whitespace();
        var members = _random.Next(5);
        for (var i = 0; i < members; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
                Whitespace();
            }
            _text.Append(_random.Next(3) == 0 ? Quoted() : Names[_random.Next(Names.Length)]);
            Whitespace();
            _text.Append(':');
            Whitespace();
            Value(depth);
            Whitespace();
        }
        _text.Append('}');
    }

    private void Array(int depth)
    {
        _text.Append('[');
        Whitespace();
        var items = _random.Next(5);
        for (var i = 0; i < items; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
                Whitespace();
            }
            Value(depth);
            Whitespace();
        }
        _text.Append(']');
    }

    private void String() => _text.Append(Quoted());

    private string Quoted()
    {
        var text = new StringBuilder("\"");
        var parts = _random.Next(12);
        for (var i = 0; i < parts; i++)
        {
            switch (_random.Next(4))
            {
                case 0: text.Append(Escapes[_random.Next(Escapes.Length)]); break;
                case 1: text.Append("\\u").Append(NonSurrogate().ToString("x4")); break;
                default: text.Append(Raw[_random.Next(Raw.Length)]); break;
            }
        }
        return text.Append('"').ToString();
    }

    private int NonSurrogate()
    {
        int unit;
        do unit = _random.Next(0x10000);
        while (unit >= 0xD800 && unit <= 0xDFFF);
        return unit;
    }

    /// <summary>Nothing most of the time, else one to three of JSON's whitespace runs.</summary>
    private void Whitespace()
    {
        if (_random.Next(3) != 0) return;
        var runs = 1 + _random.Next(3);
        for (var i = 0; i < runs; i++) _text.Append(Space[_random.Next(Space.Length)]);
    }
}
