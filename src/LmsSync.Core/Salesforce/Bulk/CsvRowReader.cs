using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// Reads RFC 4180 CSV: quoted values may hold delimiters, quotes (<c>""</c>) and line breaks; LF or CRLF ends a
    /// row. An empty value, quoted or not, is null: Salesforce writes null that way and text fields never hold an
    /// empty string (salesforce-api.md §5.3).
    /// </summary>
    /// <remarks>
    /// Made for 100,000-row pages: the input is read asynchronously a buffer at a time (<see cref="FillAsync"/>) and
    /// the rows in it are parsed synchronously (<see cref="TryReadRow"/>), each value left where it lies in the buffer
    /// as a start and a length. No string is made here: the caller makes one per value it keeps, or none (a pooled
    /// text, a boolean). A row cut by the end of the buffer is parsed again from its start once more input is in.
    /// </remarks>
    internal sealed class CsvRowReader
    {
        private readonly Stream _input;
        private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
        private readonly byte[] _bytes;
        private readonly char _delimiter;
        private char[] _buffer;
        private int _position;
        private int _length;
        private bool _started;
        private bool _ended;
        // The row last read: value i is _buffer[_starts[i] .. _starts[i] + _lengths[i]); _escaped[i] when it holds "" pairs.
        private int[] _starts = new int[32];
        private int[] _lengths = new int[32];
        private bool[] _escaped = new bool[32];
        private char[] _unescaped = new char[256];

        /// <summary>Reads UTF-8 CSV from <paramref name="input"/>, decoded straight into the buffer rows are parsed from.</summary>
        public CsvRowReader(Stream input, char delimiter = ',', int bufferSize = 64 * 1024)
        {
            _input = input;
            _delimiter = delimiter;
            _buffer = new char[Math.Max(bufferSize, 4)];
            _bytes = new byte[Math.Max(bufferSize / 4, 4)];
        }

        /// <summary>Values in the row last read.</summary>
        public int Count { get; private set; }

        /// <summary>
        /// Reads more input after the unread part of the buffer (growing it when one row fills it);
        /// false once the input is at its end and every row in the buffer was read.
        /// </summary>
        public async Task<bool> FillAsync()
        {
            if (_position > 0)
            {
                Array.Copy(_buffer, _position, _buffer, 0, _length - _position);
                _length -= _position;
                _position = 0;
            }
            var unread = _length;
            // A read may end inside a character's bytes (or hold only a byte order mark) and so add nothing to parse:
            // read until something is added or the input ends.
            while (!_ended && _length - _position == unread)
            {
                var read = await _input.ReadAsync(_bytes, 0, _bytes.Length).ConfigureAwait(false);
                _ended = read == 0;
                // The decoder adds at most one character per byte, plus one it held back from the last read.
                if (_buffer.Length - _length < read + 1) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + read + 1));
                _length += _utf8.GetChars(_bytes, 0, read, _buffer, _length, flush: _ended);
                if (!_started && _length > 0)
                {
                    _started = true;
                    if (_buffer[0] == '\uFEFF') _position = 1; // a byte order mark is no part of the first value
                }
            }
            return _length > _position;
        }

        /// <summary>Parses the next row in the buffer; false when the buffer holds no whole row (then <see cref="FillAsync"/>).</summary>
        [MethodImpl(Jit.Optimized)]
        public bool TryReadRow()
        {
            var buffer = _buffer;
            var length = _length;
            var p = _position;
            if (p == length) return false;
            var count = 0;
            while (true)
            {
                int start, end;
                var escaped = false;
                if (p < length && buffer[p] == '"')
                {
                    start = p + 1;
                    var q = start;
                    while (true)
                    {
                        var quote = Array.IndexOf(buffer, '"', q, length - q);
                        if (quote < 0)
                        {
                            if (_ended) throw new InvalidDataException("the CSV ends inside a quoted value");
                            return false;
                        }
                        if (quote + 1 == length && !_ended) return false; // a closing quote, or the first of "", cannot be told yet
                        if (quote + 1 < length && buffer[quote + 1] == '"')
                        {
                            escaped = true;
                            q = quote + 2;
                            continue;
                        }
                        end = quote;
                        break;
                    }
                    p = end + 1;
                    while (p < length && buffer[p] == '\r') p++;
                    if (p < length && buffer[p] != _delimiter && buffer[p] != '\n')
                        throw new InvalidDataException(buffer[p] == '"' ? "a quote inside an unquoted CSV value" : "text after the closing quote of a CSV value");
                }
                else
                {
                    start = p;
                    while (p < length)
                    {
                        var ch = buffer[p];
                        if (ch == _delimiter || ch == '\n') break;
                        if (ch == '"') throw new InvalidDataException("a quote inside an unquoted CSV value");
                        p++;
                    }
                    end = p;
                    while (end > start && buffer[end - 1] == '\r') end--; // CRLF: the LF ends the row
                }
                if (p == length && !_ended) return false;
                Add(count++, start, end - start, escaped);
                if (p == length || buffer[p] == '\n')
                {
                    _position = p == length ? p : p + 1;
                    Count = count;
                    return true;
                }
                p++; // the delimiter
            }
        }

        /// <summary>Whether value <paramref name="index"/> of the row is null (empty, quoted or not).</summary>
        public bool IsNull(int index) => _lengths[index] == 0;

        /// <summary>The characters of value <paramref name="index"/> (<c>""</c> made one quote), valid until the next call to this reader.</summary>
        [MethodImpl(Jit.Optimized)]
        public BufferText GetText(int index)
        {
            var from = _starts[index];
            var length = _lengths[index];
            if (!_escaped[index]) return new BufferText(_buffer, from, length);
            // "" stands for one quote: copy with each pair made one.
            if (_unescaped.Length < length) _unescaped = new char[Math.Max(length, _unescaped.Length * 2)];
            var n = 0;
            for (var i = from; i < from + length; i++)
            {
                _unescaped[n++] = _buffer[i];
                if (_buffer[i] == '"') i++;
            }
            return new BufferText(_unescaped, 0, n);
        }

        /// <summary>Value <paramref name="index"/> as a new string, or null.</summary>
        public string? GetString(int index) => IsNull(index) ? null : GetText(index).Make();

        private void Add(int index, int start, int length, bool escaped)
        {
            if (index == _starts.Length)
            {
                Array.Resize(ref _starts, index * 2);
                Array.Resize(ref _lengths, index * 2);
                Array.Resize(ref _escaped, index * 2);
            }
            _starts[index] = start;
            _lengths[index] = length;
            _escaped[index] = escaped;
        }
    }
}
