using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

internal sealed record SortKey(FieldPath Path, bool Descending, bool NullsFirst);

/// <summary>A query checked against the schema and ready to run over its snapshot.</summary>
internal sealed record BoundQuery(
    SfObjectSchema Object,
    bool IsCount,
    IReadOnlyList<FieldPath> Columns,
    Predicate? Where,
    IReadOnlyList<SortKey> OrderBy,
    int? Limit,
    int Offset);
