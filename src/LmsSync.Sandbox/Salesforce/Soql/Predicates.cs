using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

// A bound WHERE clause: a tree of predicates, each testing one row. SOQL's logic is two-valued:
// a null field equals only null, "!=" and "NOT IN" hold for nulls, and ordering comparisons
// with a null are false.

internal abstract class Predicate
{
    public abstract bool Matches(SfRow row);
}

internal sealed class AllOf(IReadOnlyList<Predicate> parts) : Predicate
{
    public IReadOnlyList<Predicate> Parts => parts;

    public override bool Matches(SfRow row)
    {
        foreach (var part in parts)
        {
            if (!part.Matches(row))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class AnyOf(IReadOnlyList<Predicate> parts) : Predicate
{
    public override bool Matches(SfRow row)
    {
        foreach (var part in parts)
        {
            if (part.Matches(row))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class Not(Predicate inner) : Predicate
{
    public override bool Matches(SfRow row) => !inner.Matches(row);
}

/// <summary>Matches nothing: what <c>LIKE null</c> comes to.</summary>
internal sealed class Never : Predicate
{
    public override bool Matches(SfRow row) => false;
}

internal enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>field op literal</c> with the literal already converted to the field's type.</summary>
internal sealed class ComparePredicate(FieldPath path, CompareOp op, object? literal) : Predicate
{
    public FieldPath Path => path;
    public CompareOp Op => op;
    public object? Literal => literal;

    public override bool Matches(SfRow row)
    {
        var value = path.Evaluate(row);
        var type = path.Field.Type;
        switch (op)
        {
            case CompareOp.Equal:
                return SoqlValues.AreEqual(value, literal, type);
            case CompareOp.NotEqual:
                return !SoqlValues.AreEqual(value, literal, type);
        }

        if (value is null || literal is null)
        {
            return false;
        }

        var c = SoqlValues.Compare(value, literal, type);
        return op switch
        {
            CompareOp.Less => c < 0,
            CompareOp.LessOrEqual => c <= 0,
            CompareOp.Greater => c > 0,
            _ => c >= 0,
        };
    }
}

/// <summary>
/// A field compared with a relative date literal: the literal is a range [start, end), given as
/// DateOnly for date fields and as UTC midnights for datetime fields.
/// </summary>
internal sealed class DateRangePredicate(FieldPath path, CompareOp op, object start, object end) : Predicate
{
    public override bool Matches(SfRow row)
    {
        var value = path.Evaluate(row);
        if (value is null)
        {
            return op == CompareOp.NotEqual;
        }

        var type = path.Field.Type;
        var atOrAfterStart = SoqlValues.Compare(value, start, type) >= 0;
        var beforeEnd = SoqlValues.Compare(value, end, type) < 0;
        return op switch
        {
            CompareOp.Equal => atOrAfterStart && beforeEnd,
            CompareOp.NotEqual => !(atOrAfterStart && beforeEnd),
            CompareOp.Less => !atOrAfterStart,
            CompareOp.LessOrEqual => beforeEnd,
            CompareOp.Greater => !beforeEnd,
            _ => atOrAfterStart,
        };
    }
}

/// <summary><c>field [NOT] IN (literal, …)</c>.</summary>
internal sealed class InPredicate(FieldPath path, IReadOnlyList<object?> values, bool negated) : Predicate
{
    public override bool Matches(SfRow row)
    {
        var value = path.Evaluate(row);
        var type = path.Field.Type;
        var found = values.Any(v => SoqlValues.AreEqual(value, v, type));
        return found != negated;
    }
}

/// <summary><c>field LIKE 'pattern'</c>; a null field never matches.</summary>
internal sealed class LikePredicate(FieldPath path, LikePattern pattern) : Predicate
{
    public override bool Matches(SfRow row) => path.Evaluate(row) is string text && pattern.Matches(text);
}

/// <summary>
/// <c>INCLUDES ('A;B', 'C')</c> holds when the field has all of A and B, or has C;
/// EXCLUDES is its negation (so a blank field is excluded from nothing).
/// </summary>
internal sealed class IncludesPredicate(FieldPath path, IReadOnlyList<HashSet<string>> alternatives, bool excludes) : Predicate
{
    public override bool Matches(SfRow row)
    {
        var selected = path.Evaluate(row) is string text ? SoqlValues.SplitMultiPicklist(text) : null;
        var includes = selected is not null && alternatives.Any(required => required.IsSubsetOf(selected));
        return includes != excludes;
    }
}

/// <summary>A semi-join (<c>Id IN (SELECT …)</c>) or anti-join, against the ids the inner query returned.</summary>
internal sealed class IdSetPredicate(FieldPath path, HashSet<string> ids, bool negated) : Predicate
{
    public override bool Matches(SfRow row)
    {
        var found = path.Evaluate(row) is string id && ids.Contains(id);
        return found != negated;
    }
}
