using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Splits SOQL text into tokens. Date and datetime literals are unquoted in SOQL
/// (<c>2026-09-30</c>, <c>2026-09-01T00:00:00Z</c>, <c>…T00:00:00.000+02:00</c>), so they are
/// recognised here, before the parser could mistake them for a number and a minus.
/// </summary>
internal sealed class SoqlLexer
{
    private readonly string _soql;
    private int _pos;

    private SoqlLexer(string soql) => _soql = soql;

    public static List<SoqlToken> Tokenize(string soql)
    {
        var lexer = new SoqlLexer(soql);
        var tokens = new List<SoqlToken>();
        SoqlToken token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != SoqlTokenKind.End);

        return tokens;
    }

    private SoqlToken Next()
    {
        while (_pos < _soql.Length && char.IsWhiteSpace(_soql[_pos]))
        {
            _pos++;
        }

        if (_pos >= _soql.Length)
        {
            return new SoqlToken(SoqlTokenKind.End, "<EOF>", _soql.Length);
        }

        var start = _pos;
        var c = _soql[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _soql.Length && (char.IsAsciiLetterOrDigit(_soql[_pos]) || _soql[_pos] == '_'))
            {
                _pos++;
            }

            return Token(SoqlTokenKind.Identifier, start);
        }

        if (char.IsAsciiDigit(c) || ((c == '-' || c == '+') && char.IsAsciiDigit(Peek(1))))
        {
            return DateOrNumber(start);
        }

        _pos++;
        switch (c)
        {
            case '\'':
                return StringLiteral(start);
            case ',':
                return Token(SoqlTokenKind.Comma, start);
            case '.':
                return Token(SoqlTokenKind.Dot, start);
            case '(':
                return Token(SoqlTokenKind.LeftParen, start);
            case ')':
                return Token(SoqlTokenKind.RightParen, start);
            case ':':
                return Token(SoqlTokenKind.Colon, start);
            case '=':
                return Token(SoqlTokenKind.Operator, start);
            case '!' when Peek(0) == '=':
            case '<' when Peek(0) is '=' or '>':
            case '>' when Peek(0) == '=':
                _pos++;
                return Token(SoqlTokenKind.Operator, start);
            case '<':
            case '>':
                return Token(SoqlTokenKind.Operator, start);
            default:
                return Token(SoqlTokenKind.Unknown, start);
        }
    }

    private SoqlToken DateOrNumber(int start)
    {
        if (IsDigits(0, 4) && Peek(4) == '-' && IsDigits(5, 2) && Peek(7) == '-' && IsDigits(8, 2))
        {
            return DateLiteral(start);
        }

        _pos++; // digit or sign
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
        }

        var text = _soql[start.._pos];
        return new SoqlToken(SoqlTokenKind.Number, text, start, decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    // yyyy-MM-dd, optionally followed by THH:mm:ss(.SSS)(Z|±HH:mm): the forms Salesforce documents.
    private SoqlToken DateLiteral(int start)
    {
        _pos += 10;
        if (Peek(0) != 'T' && Peek(0) != 't')
        {
            var dateText = _soql[start.._pos];
            return DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new SoqlToken(SoqlTokenKind.Date, dateText, start, date)
                : new SoqlToken(SoqlTokenKind.Unknown, dateText, start);
        }

        // Take the whole run of characters that can belong to a datetime, then insist on the exact form.
        _pos++;
        while (_pos < _soql.Length && (char.IsAsciiLetterOrDigit(_soql[_pos]) || _soql[_pos] is ':' or '.' or '+' or '-'))
        {
            _pos++;
        }

        var text = _soql[start.._pos];
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'",
            "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFzzz",
        ];
        return DateTimeOffset.TryParseExact(text.ToUpperInvariant(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? new SoqlToken(SoqlTokenKind.DateTime, text, start, value.ToUniversalTime())
            : new SoqlToken(SoqlTokenKind.Unknown, text, start);
    }

    private SoqlToken StringLiteral(int start)
    {
        var text = new StringBuilder();
        var literalWildcards = new List<int>();
        while (true)
        {
            if (_pos >= _soql.Length)
            {
                throw SoqlErrors.At(SoqlErrors.Malformed, _soql, start, "mismatched character '<EOF>' expecting '''");
            }

            var c = _soql[_pos++];
            if (c == '\'')
            {
                return new SoqlToken(SoqlTokenKind.String, _soql[start.._pos], start, new SoqlString(text.ToString(), literalWildcards));
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = _pos < _soql.Length ? _soql[_pos++] : '\0';
            switch (escape)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case '"': text.Append('"'); break;
                case '\'': text.Append('\''); break;
                case '\\': text.Append('\\'); break;
                case '%':
                case '_':
                    literalWildcards.Add(text.Length);
                    text.Append(escape);
                    break;
                case 'u' when _pos + 4 <= _soql.Length && int.TryParse(_soql.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    var literal = _soql[start..Math.Min(_soql.Length, _soql.IndexOf('\'', _pos) is var end and >= 0 ? end + 1 : _soql.Length)];
                    throw SoqlErrors.At(SoqlErrors.Malformed, _soql, start,
                        $"Invalid string literal '{literal}'. Illegal character sequence '\\{escape}' in string literal.");
            }
        }
    }

    private SoqlToken Token(SoqlTokenKind kind, int start) => new(kind, _soql[start.._pos], start);

    private char Peek(int offset) => _pos + offset < _soql.Length ? _soql[_pos + offset] : '\0';

    private bool IsDigits(int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiDigit(Peek(offset + i)))
            {
                return false;
            }
        }

        return true;
    }

    private void SkipDigits()
    {
        while (_pos < _soql.Length && char.IsAsciiDigit(_soql[_pos]))
        {
            _pos++;
        }
    }
}
