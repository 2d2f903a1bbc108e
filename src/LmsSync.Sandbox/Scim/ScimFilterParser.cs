using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// A parser for the RFC 7644 §3.4.2.2 filter grammar: attribute operators <c>eq ne co sw ew gt ge lt le pr</c>,
/// <c>and</c> (binding tighter) / <c>or</c>, <c>not ( … )</c>, parentheses, value paths <c>attr[…]</c>,
/// literals true/false/null/number/"string" (JSON escapes). Operators and attribute names are case-insensitive.
/// Anything else is a 400 <c>invalidFilter</c> that says where.
/// </summary>
internal sealed class ScimFilterParser
{
    private static readonly HashSet<string> CompareOps = new(StringComparer.OrdinalIgnoreCase) { "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le" };

    private readonly ScimResourceType _type;
    private readonly List<Token> _tokens;
    private readonly string _text;
    private int _position;

    private ScimFilterParser(ScimResourceType type, string text)
    {
        _type = type;
        _text = text;
        _tokens = Tokenize(text);
    }

    public static ScimFilterNode Parse(ScimResourceType type, string filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) throw ScimError.InvalidFilter("The filter is empty.");
        var parser = new ScimFilterParser(type, filter);
        var node = parser.ParseOr(null);
        if (parser._position < parser._tokens.Count) throw parser.Error("unexpected '" + parser._tokens[parser._position].Text + "'");
        return node;
    }

    /// <summary>The filter inside a PATCH value path (<c>members[value eq "id"]</c>): names are sub-attributes of <paramref name="parent"/>.</summary>
    public static ScimFilterNode ParseValueFilter(ScimResourceType type, ScimAttributeReference parent, string filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) throw ScimError.InvalidFilter("The value filter is empty.");
        var parser = new ScimFilterParser(type, filter);
        var node = parser.ParseOr(parent);
        if (parser._position < parser._tokens.Count) throw parser.Error("unexpected '" + parser._tokens[parser._position].Text + "'");
        return node;
    }

    private ScimFilterNode ParseOr(ScimAttributeReference? parent)
    {
        var left = ParseAnd(parent);
        while (PeekWord("or"))
        {
            _position++;
            left = new ScimOrNode(left, ParseAnd(parent));
        }
        return left;
    }

    private ScimFilterNode ParseAnd(ScimAttributeReference? parent)
    {
        var left = ParseUnary(parent);
        while (PeekWord("and"))
        {
            _position++;
            left = new ScimAndNode(left, ParseUnary(parent));
        }
        return left;
    }

    private ScimFilterNode ParseUnary(ScimAttributeReference? parent)
    {
        if (PeekWord("not"))
        {
            _position++;
            Expect(TokenKind.Open, "'(' after not");
            var inner = ParseOr(parent);
            Expect(TokenKind.Close, "')'");
            return new ScimNotNode(inner);
        }
        if (Peek()?.Kind == TokenKind.Open)
        {
            _position++;
            var inner = ParseOr(parent);
            Expect(TokenKind.Close, "')'");
            return inner;
        }
        var attribute = Next(TokenKind.Word, "an attribute name");
        if (CompareOps.Contains(attribute.Text) || attribute.Text.Equals("pr", StringComparison.OrdinalIgnoreCase) ||
            attribute.Text is "and" or "or") throw Error($"expected an attribute name, found operator '{attribute.Text}'");

        if (Peek()?.Kind == TokenKind.OpenBracket)
        {
            if (parent is not null) throw Error("value paths cannot nest");
            var reference = ResolveTop(attribute.Text);
            if (reference.Attribute.Type != ScimType.Complex || reference.Sub is not null)
                throw Error($"'{attribute.Text}' is not a complex attribute, so it takes no [filter]");
            _position++;
            var inner = ParseOr(reference);
            Expect(TokenKind.CloseBracket, "']'");
            return new ScimValuePathNode(reference, inner);
        }

        var (values, definition) = parent is null ? Top(attribute.Text) : Inner(parent, attribute.Text);
        var op = Next(TokenKind.Word, "an operator (eq ne co sw ew gt ge lt le pr)");
        if (op.Text.Equals("pr", StringComparison.OrdinalIgnoreCase)) return new ScimPresentNode(values);
        if (!CompareOps.Contains(op.Text)) throw Error($"'{op.Text}' is not an operator (eq ne co sw ew gt ge lt le pr)");
        var literal = Literal();
        return new ScimCompareNode(values, definition, op.Text.ToLowerInvariant(), literal, attribute.Text);
    }

    private (Func<JsonObject, IEnumerable<JsonNode>> Values, ScimAttribute Definition) Top(string text)
    {
        var reference = ResolveTop(text);
        var definition = reference.ComparedDefinition ?? throw ScimError.InvalidFilter($"'{text}' is complex: name a sub-attribute.");
        return (reference.ValuesIn, definition);
    }

    private (Func<JsonObject, IEnumerable<JsonNode>> Values, ScimAttribute Definition) Inner(ScimAttributeReference parent, string text)
    {
        var sub = parent.Attribute.Sub(text) ?? throw ScimError.InvalidFilter($"'{text}' is not a sub-attribute of {parent.Attribute.Name}.");
        return (entry => entry[sub.Name] is { } value ? new[] { value } : Array.Empty<JsonNode>(), sub);
    }

    private ScimAttributeReference ResolveTop(string text) =>
        ScimAttributeReference.Resolve(_type, text, out var problem) ?? throw ScimError.InvalidFilter(problem!);

    private JsonNode? Literal()
    {
        var token = Peek() ?? throw Error("expected a value after the operator");
        _position++;
        if (token.Kind == TokenKind.String) return JsonValue.Create(token.Text);
        if (token.Kind != TokenKind.Word) throw Error($"expected a value, found '{token.Text}'");
        if (token.Text == "true") return JsonValue.Create(true);
        if (token.Text == "false") return JsonValue.Create(false);
        if (token.Text == "null") return null;
        if (decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        throw Error($"'{token.Text}' is not a value: strings must be in double quotes");
    }

    private Token? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private bool PeekWord(string word) => Peek() is { Kind: TokenKind.Word } t && t.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private Token Next(TokenKind kind, string what)
    {
        var token = Peek();
        if (token is null || token.Kind != kind) throw Error("expected " + what + (token is null ? " at the end" : ", found '" + token.Text + "'"));
        _position++;
        return token;
    }

    private void Expect(TokenKind kind, string what) => Next(kind, what);

    private ScimError Error(string what)
    {
        var at = _position < _tokens.Count ? _tokens[_position].Offset : _text.Length;
        return ScimError.InvalidFilter($"Invalid filter at position {at}: {what}.");
    }

    private enum TokenKind { Word, String, Open, Close, OpenBracket, CloseBracket }

    private sealed record Token(TokenKind Kind, string Text, int Offset);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new Token(TokenKind.Open, "(", i++)); continue;
                case ')': tokens.Add(new Token(TokenKind.Close, ")", i++)); continue;
                case '[': tokens.Add(new Token(TokenKind.OpenBracket, "[", i++)); continue;
                case ']': tokens.Add(new Token(TokenKind.CloseBracket, "]", i++)); continue;
                case '"': tokens.Add(ReadString(text, ref i)); continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or '"')) i++;
            tokens.Add(new Token(TokenKind.Word, text.Substring(start, i - start), start));
        }
        return tokens;
    }

    /// <summary>A JSON string literal (RFC 7159 §7), which is what a filter's compValue string is.</summary>
    private static Token ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"') return new Token(TokenKind.String, value.ToString(), start);
            if (c != '\\') { value.Append(c); continue; }
            if (i >= text.Length) break;
            var escape = text[i++];
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when i + 4 <= text.Length && int.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw ScimError.InvalidFilter($"Invalid filter at position {i - 2}: '\\{escape}' is not a JSON string escape.");
            }
        }
        throw ScimError.InvalidFilter($"Invalid filter at position {start}: the string is not closed with '\"'.");
    }
}
