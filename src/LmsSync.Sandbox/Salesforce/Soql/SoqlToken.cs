using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Soql;

internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Comma,
    Dot,
    LeftParen,
    RightParen,
    Colon,
    Operator,
    /// <summary>A character SOQL has no use for (e.g. <c>*</c>); the parser reports it as unexpected.</summary>
    Unknown,
    End,
}

/// <summary>
/// One token: its kind, its source text (for "unexpected token: 'X'"), where it starts (for the
/// caret) and its decoded value (string literal, decimal, DateOnly or DateTimeOffset).
/// </summary>
internal sealed record SoqlToken(SoqlTokenKind Kind, string Text, int Position, object? Value = null)
{
    /// <summary>True for an identifier spelling the keyword, in any case.</summary>
    public bool Is(string keyword) => Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(string op) => Kind == SoqlTokenKind.Operator && Text == op;
}

/// <summary>
/// A decoded string literal. <see cref="LiteralWildcards"/> lists positions of % and _ that were
/// escaped (<c>\%</c>, <c>\_</c>), which LIKE must match literally rather than as wildcards.
/// </summary>
internal sealed record SoqlString(string Text, IReadOnlyList<int> LiteralWildcards);
