using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// Reads RFC 4180 CSV row by row as it arrives: quoted values may hold delimiters, quotes (<c>""</c>)
    /// and line breaks; LF or CRLF ends a row. An empty value, quoted or not, is null: Salesforce writes null
    /// that way and text fields never hold an empty string (salesforce-api.md §5.3).
    /// </summary>
    internal sealed class CsvRowReader
    {
        private readonly TextReader _reader;
        private readonly char _delimiter;
        private readonly char[] _buffer = new char[16 * 1024];
        private readonly StringBuilder _value = new StringBuilder(64);
        private int _position;
        private int _length;

        public CsvRowReader(TextReader reader, char delimiter = ',')
        {
            _reader = reader;
            _delimiter = delimiter;
        }

        /// <summary>Reads the next row into <paramref name="values"/> (cleared first); false at the end of the input.</summary>
        public async Task<bool> ReadRowAsync(List<string?> values)
        {
            values.Clear();
            if (_position == _length && !await FillAsync().ConfigureAwait(false)) return false;
            var inQuotes = false;
            var wasQuoted = false;
            var closedQuote = false;
            while (true)
            {
                if (_position == _length && !await FillAsync().ConfigureAwait(false))
                {
                    if (inQuotes) throw new InvalidDataException("the CSV ends inside a quoted value");
                    values.Add(Take());
                    return true;
                }
                var ch = _buffer[_position++];
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        inQuotes = false;
                        closedQuote = true;
                    }
                    else
                    {
                        _value.Append(ch);
                    }
                    continue;
                }
                if (ch == '"')
                {
                    if (closedQuote) _value.Append('"'); // "" inside quotes: a literal quote
                    else if (wasQuoted || _value.Length > 0) throw new InvalidDataException("a quote inside an unquoted CSV value");
                    inQuotes = true;
                    wasQuoted = true;
                    closedQuote = false;
                    continue;
                }
                closedQuote = false;
                if (ch == _delimiter || ch == '\n')
                {
                    values.Add(Take());
                    wasQuoted = false;
                    if (ch == '\n') return true;
                    continue;
                }
                if (ch == '\r') continue; // CRLF: the LF ends the row
                if (wasQuoted) throw new InvalidDataException("text after the closing quote of a CSV value");
                _value.Append(ch);
            }
        }

        private string? Take()
        {
            var value = _value.Length == 0 ? null : _value.ToString();
            _value.Clear();
            return value;
        }

        private async Task<bool> FillAsync()
        {
            _length = await _reader.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
            _position = 0;
            return _length > 0;
        }
    }
}
