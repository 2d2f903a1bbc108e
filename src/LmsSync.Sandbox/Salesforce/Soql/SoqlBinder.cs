using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Resolves a parsed query against the schema — object, field paths, literal types — and turns
/// the WHERE clause into predicates. Every rejection carries Salesforce's errorCode, message and
/// caret position. Semi-join subqueries run here, over the same snapshot, so the outer filter
/// tests ids against a ready set.
/// </summary>
internal sealed class SoqlBinder
{
    /// <summary>Salesforce's cap on OFFSET.</summary>
    public const int MaxOffset = 2000;

    private readonly OrgSnapshot _snapshot;
    private readonly string _soql;
    private readonly DateOnly _today;
    private readonly bool _includeDeleted;
    private bool _inSubquery;

    public SoqlBinder(OrgSnapshot snapshot, string soql, DateTimeOffset now, bool includeDeleted)
    {
        _snapshot = snapshot;
        _soql = soql;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        _includeDeleted = includeDeleted;
    }

    public BoundQuery Bind(SelectSyntax select)
    {
        var obj = _snapshot.Schema.Find(select.FromObject.Text)
            ?? throw SoqlErrors.UnknownObject(_soql, select.FromObject.Position, select.FromObject.Text);

        var columns = new List<FieldPath>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in select.Fields)
        {
            var path = Resolve(obj, field);
            if (!seen.Add(path.Text))
            {
                throw SoqlErrors.At(SoqlErrors.Malformed, _soql, field.Position, $"duplicate field selected: {path.Text}");
            }

            columns.Add(path);
        }

        var where = select.Where is null ? null : BindCondition(obj, select.Where);
        var orderBy = select.OrderBy.Select(item => BindOrderItem(obj, item)).ToList();
        return new BoundQuery(obj, select.IsCount, columns, where, orderBy, ReadLimit(select.Limit), ReadOffset(select.Offset));
    }

    private SortKey BindOrderItem(SfObjectSchema obj, OrderItemSyntax item)
    {
        var path = Resolve(obj, item.Field);
        if (!path.Field.Sortable)
        {
            throw SoqlErrors.At(SoqlErrors.InvalidField, _soql, item.Field.Position, $"field '{path.Field.Name}' can not be sorted in a query call");
        }

        // Salesforce's defaults: ascending puts nulls first, descending puts them last.
        return new SortKey(path, item.Descending, item.NullsFirst ?? !item.Descending);
    }

    private int? ReadLimit(SoqlToken? token)
    {
        if (token is null)
        {
            return null;
        }

        return token.Value is decimal d && d >= 0 && d == decimal.Truncate(d) && d <= int.MaxValue
            ? (int)d
            : throw SoqlErrors.UnexpectedToken(_soql, token);
    }

    private int ReadOffset(SoqlToken? token)
    {
        var offset = ReadLimit(token) ?? 0;
        if (offset > MaxOffset)
        {
            throw new SoqlException(SoqlErrors.OutOfRange, $"Maximum SOQL offset allowed is {MaxOffset}");
        }

        return offset;
    }

    private FieldPath Resolve(SfObjectSchema obj, FieldPathSyntax syntax)
    {
        var current = obj;
        var hops = new List<SfFieldSchema>();
        for (var i = 0; i < syntax.Segments.Count - 1; i++)
        {
            var name = syntax.Segments[i].Text;
            var lookup = current.FindRelationship(name) ?? throw SoqlErrors.BadRelationship(_soql, syntax.Position, name);
            hops.Add(lookup);
            current = _snapshot.Schema.Find(lookup.ReferenceTo[0])!;
        }

        var last = syntax.Segments[^1].Text;
        var field = current.FindField(last) ?? throw SoqlErrors.NoSuchColumn(_soql, syntax.Position, last, current.Name);
        return new FieldPath(_snapshot, hops, field);
    }

    private Predicate BindCondition(SfObjectSchema obj, ConditionSyntax condition) => condition switch
    {
        LogicalSyntax logical => logical.IsAnd
            ? new AllOf(logical.Operands.Select(o => BindCondition(obj, o)).ToList())
            : new AnyOf(logical.Operands.Select(o => BindCondition(obj, o)).ToList()),
        NotSyntax not => new Not(BindCondition(obj, not.Operand)),
        ComparisonSyntax comparison => BindComparison(obj, comparison),
        SetSyntax set => BindSet(obj, set),
        SemiJoinSyntax join => BindSemiJoin(obj, join),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private FieldPath ResolveFilterable(SfObjectSchema obj, FieldPathSyntax syntax)
    {
        var path = Resolve(obj, syntax);
        if (!path.Field.Filterable)
        {
            throw SoqlErrors.At(SoqlErrors.InvalidField, _soql, syntax.Position, $"field '{path.Field.Name}' can not be filtered in a query call");
        }

        return path;
    }

    private Predicate BindComparison(SfObjectSchema obj, ComparisonSyntax comparison)
    {
        var path = ResolveFilterable(obj, comparison.Field);
        var type = path.Field.Type;
        if (comparison.Operator.Is("LIKE"))
        {
            if (!SfFieldTypes.IsText(type) || type == SfFieldTypes.MultiPicklist)
            {
                throw InvalidOperator(comparison.Operator, $"invalid operator on {type} field");
            }

            var literal = BindLiteral(path, comparison.Field, comparison.Value);
            return literal is null ? new Not(new AllOf([])) : new LikePredicate(path, new LikePattern((SoqlString)comparison.Value.Value!));
        }

        var op = comparison.Operator.Text switch
        {
            "=" => CompareOp.Equal,
            "!=" or "<>" => CompareOp.NotEqual,
            "<" => CompareOp.Less,
            "<=" => CompareOp.LessOrEqual,
            ">" => CompareOp.Greater,
            _ => CompareOp.GreaterOrEqual,
        };

        if (op is not (CompareOp.Equal or CompareOp.NotEqual) && type is SfFieldTypes.Boolean or SfFieldTypes.MultiPicklist)
        {
            throw InvalidOperator(comparison.Operator, $"invalid operator on {type} field");
        }

        if (comparison.Value.Kind == ValueKind.DateLiteral)
        {
            return BindDateRange(path, comparison.Field, comparison.Value, op);
        }

        return new ComparePredicate(path, op, BindLiteral(path, comparison.Field, comparison.Value));
    }

    private Predicate BindDateRange(FieldPath path, FieldPathSyntax syntax, ValueSyntax value, CompareOp op)
    {
        var (start, end) = DateLiterals.Resolve((string)value.Value!, value.N, _today);
        return path.Field.Type switch
        {
            SfFieldTypes.Date => new DateRangePredicate(path, op, start, end),
            SfFieldTypes.DateTime => new DateRangePredicate(path, op, Midnight(start), Midnight(end)),
            _ => throw WrongLiteralType(path, syntax),
        };
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private Predicate BindSet(SfObjectSchema obj, SetSyntax set)
    {
        var path = ResolveFilterable(obj, set.Field);
        if (set.Operator is SetOperator.Includes or SetOperator.Excludes)
        {
            if (path.Field.Type != SfFieldTypes.MultiPicklist)
            {
                throw InvalidOperator(set.OperatorToken, "includes or excludes operator only valid on multipicklist field");
            }

            var alternatives = set.Values
                .Select(v => BindLiteral(path, set.Field, v) is string s ? SoqlValues.SplitMultiPicklist(s) : [])
                .ToList();
            return new IncludesPredicate(path, alternatives, set.Operator == SetOperator.Excludes);
        }

        if (path.Field.Type == SfFieldTypes.MultiPicklist)
        {
            throw InvalidOperator(set.OperatorToken, $"invalid operator on {SfFieldTypes.MultiPicklist} field");
        }

        var values = set.Values.Select(v => BindLiteral(path, set.Field, v)).ToList();
        return new InPredicate(path, values, set.Operator == SetOperator.NotIn);
    }

    private Predicate BindSemiJoin(SfObjectSchema obj, SemiJoinSyntax join)
    {
        var path = ResolveFilterable(obj, join.Field);
        if (_inSubquery)
        {
            throw SoqlErrors.At(SoqlErrors.Malformed, _soql, join.Subquery.SelectToken.Position, "Nested semi join sub-selects are not supported");
        }

        if (!SfFieldTypes.IsIdLike(path.Field.Type))
        {
            throw SoqlErrors.At(SoqlErrors.Malformed, _soql, join.Field.Position, "Semi join sub-selects are only allowed on id fields");
        }

        BoundQuery inner;
        _inSubquery = true;
        try
        {
            inner = Bind(join.Subquery);
        }
        finally
        {
            _inSubquery = false;
        }

        if (inner.IsCount || inner.Columns.Count != 1 || !SfFieldTypes.IsIdLike(inner.Columns[0].Field.Type))
        {
            throw SoqlErrors.At(SoqlErrors.Malformed, _soql, join.Subquery.SelectToken.Position,
                "The selected field in a semi join sub-select must be a single Id or reference field");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var column = inner.Columns[0];
        foreach (var row in SoqlEngine.Filter(_snapshot, inner, _includeDeleted))
        {
            if (column.Evaluate(row) is string id)
            {
                ids.Add(id);
            }
        }

        return new IdSetPredicate(path, ids, join.Negated);
    }

    /// <summary>
    /// Converts a literal to the field's type, refusing the mismatches Salesforce refuses
    /// (a quoted date, a number for a text field, a malformed id…).
    /// </summary>
    private object? BindLiteral(FieldPath path, FieldPathSyntax syntax, ValueSyntax value)
    {
        if (value.Kind == ValueKind.Null)
        {
            return null;
        }

        var type = path.Field.Type;
        if (SfFieldTypes.IsText(type))
        {
            return value.Kind == ValueKind.String ? ((SoqlString)value.Value!).Text : throw WrongLiteralType(path, syntax);
        }

        if (SfFieldTypes.IsIdLike(type))
        {
            if (value.Kind != ValueKind.String)
            {
                throw WrongLiteralType(path, syntax);
            }

            var text = ((SoqlString)value.Value!).Text;
            if (text.Length == 0)
            {
                return null;
            }

            return SalesforceId.TryNormalize(text, out var id18)
                ? id18
                : throw SoqlErrors.At(SoqlErrors.InvalidOperator, _soql, value.Token.Position, $"invalid ID field: {text}");
        }

        var expected = type switch
        {
            SfFieldTypes.Boolean => ValueKind.Boolean,
            SfFieldTypes.Date => ValueKind.Date,
            SfFieldTypes.DateTime => ValueKind.DateTime,
            _ => ValueKind.Number,
        };
        return value.Kind == expected ? value.Value : throw WrongLiteralType(path, syntax);
    }

    private SoqlException WrongLiteralType(FieldPath path, FieldPathSyntax syntax)
    {
        var type = path.Field.Type;
        var (typeName, quoted) = type switch
        {
            _ when SfFieldTypes.IsText(type) => ("string", true),
            _ when SfFieldTypes.IsIdLike(type) => ("id", true),
            SfFieldTypes.Boolean => ("boolean", false),
            SfFieldTypes.Date => ("date", false),
            SfFieldTypes.DateTime => ("dateTime", false),
            SfFieldTypes.Int => ("integer", false),
            _ => ("double", false),
        };
        return SoqlErrors.At(SoqlErrors.InvalidField, _soql, syntax.Position,
            $"value of filter criterion for field '{path.Field.Name}' must be of type {typeName} and should {(quoted ? "" : "not ")}be enclosed in quotes");
    }

    private SoqlException InvalidOperator(SoqlToken token, string reason) =>
        SoqlErrors.At(SoqlErrors.InvalidOperator, _soql, token.Position, reason);
}
