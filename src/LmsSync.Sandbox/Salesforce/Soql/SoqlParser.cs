using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Recursive-descent parser for the SOQL subset the emulator serves. The WHERE grammar follows
/// Salesforce's own:
/// <code>
/// logical     := NOT conditional | conditional (AND conditional)* | conditional (OR conditional)*
/// conditional := '(' logical ')' | fieldExpression
/// </code>
/// so mixing AND and OR (or NOT) without parentheses is a MALFORMED_QUERY, as it is in Salesforce.
/// </summary>
internal sealed class SoqlParser
{
    // Words that can never be a field or object name in the positions where we expect one.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "INCLUDES", "EXCLUDES",
        "ORDER", "BY", "LIMIT", "OFFSET", "ASC", "DESC", "NULLS", "NULL", "TRUE", "FALSE",
    };

    private readonly string _soql;
    private readonly List<SoqlToken> _tokens;
    private int _index;

    private SoqlParser(string soql)
    {
        _soql = soql;
        _tokens = SoqlLexer.Tokenize(soql);
    }

    private SoqlToken Current => _tokens[_index];

    public static SelectSyntax Parse(string soql)
    {
        if (string.IsNullOrWhiteSpace(soql))
        {
            throw new SoqlException(SoqlErrors.Malformed, "SOQL statements cannot be empty or null");
        }

        var parser = new SoqlParser(soql);
        var query = parser.ParseSelect(isSubquery: false);
        parser.Expect(SoqlTokenKind.End);
        return query;
    }

    private SelectSyntax ParseSelect(bool isSubquery)
    {
        var select = ExpectKeyword("SELECT");
        var isCount = false;
        var fields = new List<FieldPathSyntax>();
        if (Current.Is("COUNT") && _tokens[_index + 1].Kind == SoqlTokenKind.LeftParen)
        {
            Advance();
            Advance();
            Expect(SoqlTokenKind.RightParen);
            isCount = true;
        }
        else
        {
            fields.Add(ParseFieldPath());
            while (Accept(SoqlTokenKind.Comma))
            {
                fields.Add(ParseFieldPath());
            }
        }

        ExpectKeyword("FROM");
        var from = ExpectName();
        var where = AcceptKeyword("WHERE") ? ParseLogical() : null;

        // A semi-join's inner SELECT takes no ORDER BY, LIMIT or OFFSET; leaving them out of the
        // grammar makes them "unexpected token" errors, as in Salesforce.
        var orderBy = new List<OrderItemSyntax>();
        SoqlToken? limit = null, offset = null;
        if (!isSubquery)
        {
            if (AcceptKeyword("ORDER"))
            {
                ExpectKeyword("BY");
                do
                {
                    orderBy.Add(ParseOrderItem());
                }
                while (Accept(SoqlTokenKind.Comma));
            }

            if (AcceptKeyword("LIMIT"))
            {
                limit = Expect(SoqlTokenKind.Number);
            }

            if (AcceptKeyword("OFFSET"))
            {
                offset = Expect(SoqlTokenKind.Number);
            }
        }

        return new SelectSyntax(select, isCount, fields, from, where, orderBy, limit, offset);
    }

    private OrderItemSyntax ParseOrderItem()
    {
        var field = ParseFieldPath();
        var descending = false;
        if (AcceptKeyword("DESC"))
        {
            descending = true;
        }
        else
        {
            AcceptKeyword("ASC");
        }

        bool? nullsFirst = null;
        if (AcceptKeyword("NULLS"))
        {
            if (AcceptKeyword("FIRST"))
            {
                nullsFirst = true;
            }
            else
            {
                ExpectKeyword("LAST");
                nullsFirst = false;
            }
        }

        return new OrderItemSyntax(field, descending, nullsFirst);
    }

    private ConditionSyntax ParseLogical()
    {
        if (AcceptKeyword("NOT"))
        {
            return new NotSyntax(ParseConditional());
        }

        var first = ParseConditional();
        var isAnd = Current.Is("AND");
        if (!isAnd && !Current.Is("OR"))
        {
            return first;
        }

        var keyword = Current.Text;
        var operands = new List<ConditionSyntax> { first };
        while (AcceptKeyword(keyword))
        {
            operands.Add(ParseConditional());
        }

        return new LogicalSyntax(isAnd, operands);
    }

    private ConditionSyntax ParseConditional()
    {
        if (Accept(SoqlTokenKind.LeftParen))
        {
            var inner = ParseLogical();
            Expect(SoqlTokenKind.RightParen);
            return inner;
        }

        return ParseFieldExpression();
    }

    private ConditionSyntax ParseFieldExpression()
    {
        var field = ParseFieldPath();
        var op = Current;
        if (op.Kind == SoqlTokenKind.Operator || op.Is("LIKE"))
        {
            Advance();
            return new ComparisonSyntax(field, op, ParseValue());
        }

        if (op.Is("NOT"))
        {
            Advance();
            ExpectKeyword("IN");
            return ParseSet(field, SetOperator.NotIn, op);
        }

        if (op.Is("IN"))
        {
            Advance();
            return ParseSet(field, SetOperator.In, op);
        }

        if (op.Is("INCLUDES") || op.Is("EXCLUDES"))
        {
            Advance();
            return ParseSet(field, op.Is("INCLUDES") ? SetOperator.Includes : SetOperator.Excludes, op);
        }

        throw SoqlErrors.UnexpectedToken(_soql, op);
    }

    private ConditionSyntax ParseSet(FieldPathSyntax field, SetOperator op, SoqlToken opToken)
    {
        Expect(SoqlTokenKind.LeftParen);
        if (Current.Is("SELECT") && op is SetOperator.In or SetOperator.NotIn)
        {
            var subquery = ParseSelect(isSubquery: true);
            Expect(SoqlTokenKind.RightParen);
            return new SemiJoinSyntax(field, op == SetOperator.NotIn, opToken, subquery);
        }

        var values = new List<ValueSyntax> { ParseValue() };
        while (Accept(SoqlTokenKind.Comma))
        {
            values.Add(ParseValue());
        }

        Expect(SoqlTokenKind.RightParen);
        return new SetSyntax(field, op, opToken, values);
    }

    private ValueSyntax ParseValue()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SoqlTokenKind.String:
                Advance();
                return new ValueSyntax(token, ValueKind.String, token.Value);
            case SoqlTokenKind.Number:
                Advance();
                return new ValueSyntax(token, ValueKind.Number, token.Value);
            case SoqlTokenKind.Date:
                Advance();
                return new ValueSyntax(token, ValueKind.Date, token.Value);
            case SoqlTokenKind.DateTime:
                Advance();
                return new ValueSyntax(token, ValueKind.DateTime, token.Value);
        }

        if (token.Is("NULL"))
        {
            Advance();
            return new ValueSyntax(token, ValueKind.Null, null);
        }

        if (token.Is("TRUE") || token.Is("FALSE"))
        {
            Advance();
            return new ValueSyntax(token, ValueKind.Boolean, token.Is("TRUE"));
        }

        if (token.Kind == SoqlTokenKind.Identifier && DateLiterals.IsKnown(token.Text, out var takesN))
        {
            Advance();
            var n = 0;
            if (takesN)
            {
                Expect(SoqlTokenKind.Colon);
                var number = Expect(SoqlTokenKind.Number);
                if (number.Value is not decimal d || d < 0 || d != decimal.Truncate(d) || d > 100_000)
                {
                    throw SoqlErrors.UnexpectedToken(_soql, number);
                }

                n = (int)d;
            }

            return new ValueSyntax(token, ValueKind.DateLiteral, token.Text.ToUpperInvariant(), n);
        }

        throw SoqlErrors.UnexpectedToken(_soql, token);
    }

    private FieldPathSyntax ParseFieldPath()
    {
        var segments = new List<SoqlToken> { ExpectName() };
        while (Accept(SoqlTokenKind.Dot))
        {
            segments.Add(ExpectName());
        }

        return new FieldPathSyntax(segments);
    }

    private SoqlToken ExpectName()
    {
        var token = Current;
        if (token.Kind != SoqlTokenKind.Identifier || Reserved.Contains(token.Text))
        {
            throw SoqlErrors.UnexpectedToken(_soql, token);
        }

        Advance();
        return token;
    }

    private SoqlToken ExpectKeyword(string keyword)
    {
        var token = Current;
        if (!token.Is(keyword))
        {
            throw SoqlErrors.UnexpectedToken(_soql, token);
        }

        Advance();
        return token;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!Current.Is(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private SoqlToken Expect(SoqlTokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw SoqlErrors.UnexpectedToken(_soql, token);
        }

        Advance();
        return token;
    }

    private bool Accept(SoqlTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }
}
