using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.Salesforce.Soql;

// The parse tree, as written: names are not yet resolved against the schema (SoqlBinder does that),
// and every node keeps the token that error carets point at.

/// <summary>A dotted field reference such as <c>Manager.Manager.Email</c>.</summary>
internal sealed record FieldPathSyntax(IReadOnlyList<SoqlToken> Segments)
{
    public int Position => Segments[0].Position;

    public string Text => string.Join('.', Segments.Select(s => s.Text));
}

internal sealed record OrderItemSyntax(FieldPathSyntax Field, bool Descending, bool? NullsFirst);

internal sealed record SelectSyntax(
    SoqlToken SelectToken,
    bool IsCount,
    IReadOnlyList<FieldPathSyntax> Fields,
    SoqlToken FromObject,
    ConditionSyntax? Where,
    IReadOnlyList<OrderItemSyntax> OrderBy,
    SoqlToken? Limit,
    SoqlToken? Offset);

internal abstract record ConditionSyntax;

/// <summary>Operands joined by one kind of operator: SOQL forbids mixing AND and OR without parentheses.</summary>
internal sealed record LogicalSyntax(bool IsAnd, IReadOnlyList<ConditionSyntax> Operands) : ConditionSyntax;

internal sealed record NotSyntax(ConditionSyntax Operand) : ConditionSyntax;

/// <summary><c>field op value</c> for = != &lt;&gt; &lt; &lt;= &gt; &gt;= and LIKE.</summary>
internal sealed record ComparisonSyntax(FieldPathSyntax Field, SoqlToken Operator, ValueSyntax Value) : ConditionSyntax;

internal enum SetOperator
{
    In,
    NotIn,
    Includes,
    Excludes,
}

/// <summary><c>field IN (…)</c>, <c>NOT IN</c>, <c>INCLUDES</c>, <c>EXCLUDES</c> over a list of literals.</summary>
internal sealed record SetSyntax(FieldPathSyntax Field, SetOperator Operator, SoqlToken OperatorToken, IReadOnlyList<ValueSyntax> Values) : ConditionSyntax;

/// <summary><c>field [NOT] IN (SELECT …)</c>: a semi-join or anti-join.</summary>
internal sealed record SemiJoinSyntax(FieldPathSyntax Field, bool Negated, SoqlToken OperatorToken, SelectSyntax Subquery) : ConditionSyntax;

internal enum ValueKind
{
    Null,
    Boolean,
    String,
    Number,
    Date,
    DateTime,
    /// <summary>A relative date literal such as TODAY or LAST_N_DAYS:30.</summary>
    DateLiteral,
}

/// <summary>A literal; for date literals <see cref="Value"/> is the name and <see cref="N"/> the :n argument.</summary>
internal sealed record ValueSyntax(SoqlToken Token, ValueKind Kind, object? Value, int N = 0);
