using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Text
{
    /// <summary>
    /// A Newtonsoft <see cref="JsonReader"/> over a UTF-8 body already in a byte array: no <see cref="StreamReader"/>
    /// decoding the whole body into chars, no char-by-char tokenizer; strings are decoded straight from the bytes and known
    /// property names come from a <see cref="ByteNameTable"/>. Code written for <see cref="JsonTextReader"/> reads through it
    /// unchanged (tokens, values, <see cref="JsonReader.Depth"/>, <see cref="JsonReader.Path"/>, <see cref="JsonReader.Skip"/>
    /// all come from the base class).
    /// <para>
    /// It takes on only plain JSON (RFC 8259), where it gives <see cref="JsonTextReader"/>'s tokens and values exactly.
    /// Anything else — the leniencies JsonTextReader accepts (comments, single quotes, unquoted names, trailing commas,
    /// NaN, raw control characters in strings, lone surrogate escapes, other whitespace, non-UTF-8 byte order marks) and
    /// every malformed or cut-short body — makes it throw <see cref="NotTakenException"/> at or before the token where
    /// JsonTextReader would differ, never after. <see cref="ByteJson.Read{T}"/> then reads the body again the old way,
    /// so what JsonTextReader accepts, returns and throws (with its message) stays the verdict.
    /// </para>
    /// <para>
    /// Numbers: an integer of up to 18 digits is read here; any other number (fractions, exponents, larger integers) is
    /// handed to a JsonTextReader over its text, so its type and value (long, BigInteger, decimal or double) are that
    /// reader's. Dates are never parsed (<see cref="DateParseHandling.None"/>, as every caller wants).
    /// </para>
    /// </summary>
    internal sealed class ByteJsonReader : JsonReader
    {
        private static readonly object True = true;
        private static readonly object False = false;

        /// <summary>Boxed small integers (statuses, counts), so the common numbers cost no allocation.</summary>
        private static readonly object[] SmallIntegers = BoxedIntegers(256);

        private readonly byte[] _json;
        private readonly int _end;
        private readonly ByteNameTable? _names;
        private int _position;

        // While a value is skipped (SkipValue): strings are checked but not decoded, since nobody reads them.
        private bool _skipping;

        /// <summary>Chars of a string with escapes, decoded segment by segment; grown as needed, kept for the reader's life.</summary>
        private char[] _chars = new char[256];

        /// <summary>Reads <paramref name="json"/>[0, <paramref name="length"/>); a UTF-8 byte order mark at the start is skipped, as StreamReader does.</summary>
        public ByteJsonReader(byte[] json, int length, ByteNameTable? names, FloatParseHandling floatParseHandling)
        {
            _json = json;
            _end = length;
            _names = names;
            _position = length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF ? 3 : 0;
            DateParseHandling = DateParseHandling.None;
            FloatParseHandling = floatParseHandling;
        }

        /// <summary>Where the current token's text starts in the body: its first byte (a property name's opening quote).</summary>
        internal int TokenStart { get; private set; }

        /// <summary>Just past the current token's text (a property name's closing quote, before its colon).</summary>
        internal int TokenEnd { get; private set; }

        /// <summary>How many runs of whitespace between tokens were passed so far: unchanged over a stretch means none is in it.</summary>
        internal int SpaceRuns { get; private set; }

        /// <summary>The body this reader reads (see <see cref="TokenStart"/>).</summary>
        internal byte[] Body => _json;

        /// <summary>
        /// As <see cref="JsonReader.Skip"/> (same tokens passed, same checks, same failures), without decoding the strings
        /// passed: nobody reads them. The reader is left on the value's last token.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        internal void SkipValue()
        {
            _skipping = true;
            try
            {
                Skip();
            }
            finally
            {
                _skipping = false;
            }
        }

        [MethodImpl(Jit.Optimized)]
        public override bool Read()
        {
            switch (CurrentState)
            {
                case State.Start:
                case State.Property:
                case State.ArrayStart:
                case State.Array:
                    return ReadValue();
                case State.ObjectStart:
                case State.Object:
                    return ReadProperty();
                case State.PostValue:
                    return ReadAfterValue();
                case State.Finished:
                    SkipSpace();
                    if (_position < _end) throw NotTaken(); // content after the value: JsonTextReader judges it
                    SetToken(JsonToken.None);
                    return false;
                default:
                    throw NotTaken();
            }
        }

        /// <summary>A value where one must be; in an array just opened, its end.</summary>
        [MethodImpl(Jit.Optimized)]
        private bool ReadValue()
        {
            SkipSpace();
            if (_position >= _end) throw NotTaken();
            TokenStart = _position;
            switch (_json[_position])
            {
                case (byte)'{':
                    TokenEnd = ++_position;
                    SetToken(JsonToken.StartObject);
                    return true;
                case (byte)'[':
                    TokenEnd = ++_position;
                    SetToken(JsonToken.StartArray);
                    return true;
                case (byte)']':
                    // Only right after '[': after a comma it is a trailing comma, which JsonTextReader accepts and we leave to it.
                    if (CurrentState != State.ArrayStart) throw NotTaken();
                    TokenEnd = ++_position;
                    SetToken(JsonToken.EndArray);
                    return true;
                case (byte)'"':
                    var text = ReadString(false);
                    TokenEnd = _position;
                    SetToken(JsonToken.String, text);
                    return true;
                case (byte)'t':
                    Literal("true");
                    SetToken(JsonToken.Boolean, True);
                    return true;
                case (byte)'f':
                    Literal("false");
                    SetToken(JsonToken.Boolean, False);
                    return true;
                case (byte)'n':
                    Literal("null");
                    SetToken(JsonToken.Null);
                    return true;
                default:
                    ReadNumber();
                    return true;
            }
        }

        /// <summary>A property name and its colon; in an object just opened, its end.</summary>
        [MethodImpl(Jit.Optimized)]
        private bool ReadProperty()
        {
            SkipSpace();
            if (_position >= _end) throw NotTaken();
            var c = _json[_position];
            TokenStart = _position;
            if (c == '}' && CurrentState == State.ObjectStart)
            {
                TokenEnd = ++_position;
                SetToken(JsonToken.EndObject);
                return true;
            }
            if (c != '"') throw NotTaken();
            var name = ReadString(true);
            TokenEnd = _position;
            SkipSpace();
            if (_position >= _end || _json[_position] != ':') throw NotTaken();
            _position++;
            SetToken(JsonToken.PropertyName, name);
            return true;
        }

        /// <summary>After a value: a comma and the next member or element, or the end of the container.</summary>
        [MethodImpl(Jit.Optimized)]
        private bool ReadAfterValue()
        {
            SkipSpace();
            if (_position >= _end) throw NotTaken();
            switch (_json[_position++])
            {
                case (byte)',':
                    SetStateBasedOnCurrent();
                    return Read();
                case (byte)'}':
                    TokenStart = _position - 1;
                    TokenEnd = _position;
                    SetToken(JsonToken.EndObject); // the base class checks it closes an object
                    return true;
                case (byte)']':
                    TokenStart = _position - 1;
                    TokenEnd = _position;
                    SetToken(JsonToken.EndArray);
                    return true;
                default:
                    throw NotTaken();
            }
        }

        /// <summary>
        /// The string whose opening quote is at the current position. Without escapes it is one decode of its bytes; with
        /// them, the bytes between escapes are decoded as they are (invalid UTF-8 becomes U+FFFD as StreamReader makes it:
        /// a segment always ends at an ASCII byte, which no multi-byte sequence swallows) and each escape adds its char.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private string ReadString(bool isName)
        {
            var json = _json; // locals: the loop runs once per byte of every string
            var end = _end;
            var start = _position + 1;
            var i = start;
            while (i < end)
            {
                var c = json[i];
                if (c == '"') break;
                if (c == '\\' || c < 0x20) return ReadEscapedString(start, i);
                i++;
            }
            if (i >= end) throw NotTaken();
            _position = i + 1;
            if (i == start || _skipping) return "";
            return (isName ? _names?.Get(_json, start, i - start) : null) ?? Encoding.UTF8.GetString(_json, start, i - start);
        }

        /// <summary>The rest of a string from <paramref name="i"/>, the first backslash or control byte; its bytes so far are [start, i).</summary>
        [MethodImpl(Jit.Optimized)]
        private string ReadEscapedString(int start, int i)
        {
            var count = 0;
            var segment = start;
            while (true)
            {
                if (i >= _end) throw NotTaken();
                var c = _json[i];
                if (c == '"') break;
                if (c < 0x20) throw NotTaken(); // JsonTextReader keeps raw control characters; rare enough to leave to it
                if (c != '\\')
                {
                    i++;
                    continue;
                }
                count = Decode(segment, i, count);
                if (++i >= _end) throw NotTaken();
                Reserve(count + 2);
                switch (_json[i])
                {
                    case (byte)'"': _chars[count++] = '"'; break;
                    case (byte)'\\': _chars[count++] = '\\'; break;
                    case (byte)'/': _chars[count++] = '/'; break;
                    case (byte)'b': _chars[count++] = '\b'; break;
                    case (byte)'f': _chars[count++] = '\f'; break;
                    case (byte)'n': _chars[count++] = '\n'; break;
                    case (byte)'r': _chars[count++] = '\r'; break;
                    case (byte)'t': _chars[count++] = '\t'; break;
                    case (byte)'u':
                        var unit = Hex(i + 1);
                        i += 4;
                        if (char.IsLowSurrogate(unit)) throw NotTaken(); // a lone low surrogate: JsonTextReader replaces it
                        _chars[count++] = unit;
                        if (char.IsHighSurrogate(unit))
                        {
                            // Only a pair is taken on here; a high surrogate without its low one is JsonTextReader's to replace.
                            if (i + 2 >= _end || _json[i + 1] != '\\' || _json[i + 2] != 'u') throw NotTaken();
                            var low = Hex(i + 3);
                            if (!char.IsLowSurrogate(low)) throw NotTaken();
                            _chars[count++] = low;
                            i += 6;
                        }
                        break;
                    default:
                        throw NotTaken();
                }
                segment = ++i;
            }
            count = Decode(segment, i, count);
            _position = i + 1;
            return _skipping ? "" : new string(_chars, 0, count);
        }

        /// <summary>Appends the UTF-8 bytes [from, to) to the chars so far; a string has at most as many chars as bytes.</summary>
        [MethodImpl(Jit.Optimized)]
        private int Decode(int from, int to, int count)
        {
            if (to == from) return count;
            Reserve(count + to - from);
            return count + Encoding.UTF8.GetChars(_json, from, to - from, _chars, count);
        }

        [MethodImpl(Jit.Optimized)]
        private void Reserve(int length)
        {
            if (length <= _chars.Length) return;
            var larger = new char[Math.Max(length, _chars.Length * 2)];
            Array.Copy(_chars, larger, _chars.Length);
            _chars = larger;
        }

        /// <summary>The four hex digits of a <c>\u</c> escape at <paramref name="at"/>.</summary>
        [MethodImpl(Jit.Optimized)]
        private char Hex(int at)
        {
            if (at + 4 > _end) throw NotTaken();
            var value = 0;
            for (var k = at; k < at + 4; k++)
            {
                var c = _json[k];
                int digit;
                if (c >= '0' && c <= '9') digit = c - '0';
                else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
                else throw NotTaken();
                value = value * 16 + digit;
            }
            return (char)value;
        }

        /// <summary><c>true</c>, <c>false</c> or <c>null</c>, followed by a delimiter or the end.</summary>
        [MethodImpl(Jit.Optimized)]
        private void Literal(string literal)
        {
            if (_position + literal.Length > _end) throw NotTaken();
            for (var k = 0; k < literal.Length; k++)
                if (_json[_position + k] != literal[k]) throw NotTaken();
            _position += literal.Length;
            TokenEnd = _position;
            if (!AtDelimiter()) throw NotTaken();
        }

        /// <summary>
        /// A number in JSON's grammar, followed by a delimiter or the end. An integer of at most 18 digits always fits a
        /// long, as JsonTextReader reads it; any other number's type and value are JsonTextReader's own.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private void ReadNumber()
        {
            var start = _position;
            var i = start;
            if (_json[i] == '-') i++;
            var digitsStart = i;
            if (i < _end && _json[i] == '0') i++;
            else while (i < _end && IsDigit(_json[i])) i++;
            if (i == digitsStart) throw NotTaken(); // not a number at all (NaN, a quote-less word, a lone minus)
            var integer = true;
            var digits = i - digitsStart;
            if (i < _end && _json[i] == '.')
            {
                integer = false;
                i = Digits(i + 1);
            }
            if (i < _end && (_json[i] == 'e' || _json[i] == 'E'))
            {
                integer = false;
                i++;
                if (i < _end && (_json[i] == '+' || _json[i] == '-')) i++;
                i = Digits(i);
            }
            TokenEnd = _position = i;
            if (!AtDelimiter()) throw NotTaken(); // e.g. a leading zero (octal to JsonTextReader) or hex
            if (integer && digits <= 18)
            {
                long value = 0;
                for (var k = digitsStart; k < i; k++) value = value * 10 + (_json[k] - '0');
                if (digitsStart > start) value = -value;
                SetToken(JsonToken.Integer, value >= 0 && value < SmallIntegers.Length ? SmallIntegers[value] : value);
                return;
            }
            ReadNumberAsTextReaderDoes(Encoding.ASCII.GetString(_json, start, i - start));
        }

        /// <summary>At least one digit from <paramref name="i"/>; the index after the last.</summary>
        [MethodImpl(Jit.Optimized)]
        private int Digits(int i)
        {
            var first = i;
            while (i < _end && IsDigit(_json[i])) i++;
            if (i == first) throw NotTaken();
            return i;
        }

        [MethodImpl(Jit.Optimized)]
        private void ReadNumberAsTextReaderDoes(string number)
        {
            using (var reader = new JsonTextReader(new StringReader(number)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling })
            {
                if (!reader.Read() || (reader.TokenType != JsonToken.Integer && reader.TokenType != JsonToken.Float)) throw NotTaken();
                var type = reader.TokenType;
                var value = reader.Value;
                if (reader.Read()) throw NotTaken();
                SetToken(type, value);
            }
        }

        [MethodImpl(Jit.Optimized)]
        private static bool IsDigit(byte c) => c >= '0' && c <= '9';

        /// <summary>
        /// What may follow a scalar for both readers to agree: JSON whitespace, a comma, a closing bracket, or the end (the
        /// next read judges what the end means). JsonTextReader also takes '/' (a comment), ')' and other whitespace.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private bool AtDelimiter()
        {
            if (_position >= _end) return true;
            var c = _json[_position];
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '}' || c == ']';
        }

        /// <summary>JSON's four whitespace bytes; anything else (a comment, U+00A0, a NUL) is left to JsonTextReader.</summary>
        [MethodImpl(Jit.Optimized)]
        private void SkipSpace()
        {
            var json = _json;
            var i = _position;
            while (i < _end)
            {
                var c = json[i];
                if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) break;
                i++;
            }
            if (i != _position) SpaceRuns++;
            _position = i;
        }

        private static object[] BoxedIntegers(int count)
        {
            var boxed = new object[count];
            for (var i = 0; i < count; i++) boxed[i] = (long)i;
            return boxed;
        }

        private NotTakenException NotTaken() =>
            new NotTakenException(string.Format(CultureInfo.InvariantCulture, "Not plain JSON at byte {0}, path '{1}'.", _position, Path));

        /// <summary>
        /// The body is not plain JSON from here on (or is malformed): read it with <see cref="JsonTextReader"/> instead.
        /// Not a <see cref="JsonException"/>, so no reading code that catches those mistakes it for a bad value.
        /// </summary>
        internal sealed class NotTakenException : Exception
        {
            public NotTakenException(string message)
                : base(message)
            {
            }
        }
    }
}
