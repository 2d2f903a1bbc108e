using System;
using System.IO;
using System.Text;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;
using LmsSync.Core.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// The compact UTF-8 a listed user keeps (<see cref="ScimUser.Resource"/> parses it again on the rare use), built as the
    /// user's tokens stream by. Over a <see cref="ByteJsonReader"/> each kept token is copied from the body as it was sent
    /// (its escapes and number spelling included), with the commas put in between, and a value kept whole is one copy of
    /// its bytes (whitespace taken out only when the reader passed some in it: a pretty-printed service). Re-writing every
    /// token through a <see cref="JsonTextWriter"/> (escaping each string again) was a fifth of the user's read. Over any
    /// other reader (the fallback for a body that is not plain JSON) the writer writes the tokens from their values, as
    /// before. Either text parses to the same resource. One per thread, reused user after user.
    /// </summary>
    internal sealed class ScimKeptText
    {
        private byte[] _bytes = new byte[256];
        private int _length;
        // A value has just ended at this level: the next member or element needs a comma first.
        private bool _comma;
        private JsonReader _reader = null!;
        private ByteJsonReader? _source;

        // The fallback's writer, made at its first use.
        private MemoryStream? _stream;
        private StreamWriter? _text;
        private JsonTextWriter? _writer;

        /// <summary>Begins a user's text (its opening brace) read from <paramref name="reader"/>.</summary>
        [MethodImpl(Jit.Optimized)]
        public ScimKeptText Start(JsonReader reader)
        {
            _reader = reader;
            _source = reader as ByteJsonReader;
            if (_source != null)
            {
                _length = 0;
                _comma = false;
                Append((byte)'{');
            }
            else
            {
                StartWriter().WriteStartObject();
            }
            return this;
        }

        /// <summary>Writes the current token alone: a start, an end, a property name or a scalar.</summary>
        [MethodImpl(Jit.Optimized)]
        public void Token()
        {
            var source = _source;
            if (source == null)
            {
                _writer!.WriteToken(_reader.TokenType, _reader.Value);
                return;
            }
            switch (_reader.TokenType)
            {
                case JsonToken.PropertyName:
                    Separate();
                    Copy(source.TokenStart, source.TokenEnd);
                    Append((byte)':');
                    _comma = false;
                    break;
                case JsonToken.StartObject:
                case JsonToken.StartArray:
                    Separate();
                    Copy(source.TokenStart, source.TokenEnd);
                    _comma = false;
                    break;
                case JsonToken.EndObject:
                case JsonToken.EndArray:
                    Copy(source.TokenStart, source.TokenEnd);
                    _comma = true;
                    break;
                default:
                    Separate();
                    Copy(source.TokenStart, source.TokenEnd);
                    _comma = true;
                    break;
            }
        }

        /// <summary>Writes the current value with everything in it, leaving the reader on its last token.</summary>
        [MethodImpl(Jit.Optimized)]
        public void Value()
        {
            var source = _source;
            if (source == null)
            {
                _writer!.WriteToken(_reader);
                return;
            }
            var type = _reader.TokenType;
            if (type != JsonToken.StartObject && type != JsonToken.StartArray)
            {
                Token();
                return;
            }
            Separate();
            var start = source.TokenStart;
            var spaces = source.SpaceRuns;
            source.SkipValue();
            if (source.SpaceRuns == spaces) Copy(start, source.TokenEnd);
            else CopyWithoutSpace(start, source.TokenEnd);
            _comma = true;
        }

        /// <summary>Ends the user's text (its closing brace) and returns it.</summary>
        [MethodImpl(Jit.Optimized)]
        public byte[] Finish()
        {
            if (_source == null)
            {
                _writer!.WriteEndObject();
                _writer.Flush();
                return _stream!.ToArray();
            }
            Append((byte)'}');
            var text = new byte[_length];
            Buffer.BlockCopy(_bytes, 0, text, 0, _length);
            return text;
        }

        private JsonTextWriter StartWriter()
        {
            if (_stream == null)
            {
                _stream = new MemoryStream();
                _text = new StreamWriter(_stream, new UTF8Encoding(false), 1024);
            }
            // A writer that finished its user is back at the start and writes the next from scratch; one left inside
            // a user by a read that failed part way is dropped.
            if (_writer == null || _writer.WriteState != WriteState.Start)
                _writer = new JsonTextWriter(_text!) { CloseOutput = false, Formatting = Formatting.None };
            // A read that failed part way may have left text behind: push it out, then forget it.
            _text!.Flush();
            _stream.SetLength(0);
            return _writer;
        }

        [MethodImpl(Jit.Optimized)]
        private void Separate()
        {
            if (_comma) Append((byte)',');
        }

        [MethodImpl(Jit.Optimized)]
        private void Append(byte b)
        {
            if (_length == _bytes.Length) Reserve(1);
            _bytes[_length++] = b;
        }

        [MethodImpl(Jit.Optimized)]
        private void Copy(int from, int to)
        {
            Reserve(to - from);
            Buffer.BlockCopy(_source!.Body, from, _bytes, _length, to - from);
            _length += to - from;
        }

        /// <summary>Copies plain JSON leaving out the whitespace between its tokens (never inside a string).</summary>
        [MethodImpl(Jit.Optimized)]
        private void CopyWithoutSpace(int from, int to)
        {
            Reserve(to - from);
            var body = _source!.Body;
            var inString = false;
            for (var i = from; i < to; i++)
            {
                var c = body[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        // The escaped byte goes with it: an escaped quote does not end the string.
                        _bytes[_length++] = c;
                        c = body[++i];
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                {
                    continue;
                }
                else if (c == '"')
                {
                    inString = true;
                }
                _bytes[_length++] = c;
            }
        }

        [MethodImpl(Jit.Optimized)]
        private void Reserve(int more)
        {
            if (_length + more <= _bytes.Length) return;
            var larger = new byte[Math.Max(_length + more, _bytes.Length * 2)];
            Buffer.BlockCopy(_bytes, 0, larger, 0, _length);
            _bytes = larger;
        }
    }
}
