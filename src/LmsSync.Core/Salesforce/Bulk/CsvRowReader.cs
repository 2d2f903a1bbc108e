using System;
using System.IO;
using System.Threading.Tasks;

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
        private readonly TextReader _reader;
        private readonly char _delimiter;
        private char[] _buffer;
        private int _position;
        private int _length;
        private bool _ended;
        // The row last read: value i is _buffer[_starts[i] .. _starts[i] + _lengths[i]); _escaped[i] when it holds "" pairs.
        private int[] _starts = new int[32];
        private int[] _lengths = new int[32];
        private bool[] _escaped = new bool[32];
        private char[] _unescaped = new char[256];

        public CsvRowReader(TextReader reader, char delimiter = ',', int bufferSize = 64 * 1024)
        {
            _reader = reader;
            _delimiter = delimiter;
            _buffer = new char[Math.Max(bufferSize, 4)];
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
            if (_ended) return _length > 0;
            if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var read = await _reader.ReadAsync(_buffer, _length, _buffer.Length - _length).ConfigureAwait(false);
            if (read == 0) _ended = true;
            _length += read;
            return _length > 0;
        }

        /// <summary>Parses the next row in the buffer; false when the buffer holds no whole row (then <see cref="FillAsync"/>).</summary>
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
