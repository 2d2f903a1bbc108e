using System;
using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// How SOQL compares stored values: text ignores case (as Salesforce's does), ids compare as
/// 18-character ids, multi-select picklists compare as sets of values.
/// </summary>
internal static class SoqlValues
{
    public static bool AreEqual(object? a, object? b, string fieldType)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (fieldType == SfFieldTypes.MultiPicklist)
        {
            return SplitMultiPicklist((string)a).SetEquals(SplitMultiPicklist((string)b));
        }

        return a is string sa && b is string sb
            ? string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase)
            : Compare(a, b, fieldType) == 0;
    }

    /// <summary>Orders two non-null values of the same field type.</summary>
    public static int Compare(object a, object b, string fieldType) => (a, b) switch
    {
        // Ids sort by their characters (creation order for the emulator's ids); text ignores case.
        (string x, string y) when SfFieldTypes.IsIdLike(fieldType) => string.CompareOrdinal(x, y),
        (string x, string y) => StringComparer.OrdinalIgnoreCase.Compare(x, y),
        (bool x, bool y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        _ => throw new InvalidOperationException($"Cannot compare {a.GetType().Name} with {b.GetType().Name}."),
    };

    /// <summary>The selected values of a multi-select picklist ("A;B;C").</summary>
    public static HashSet<string> SplitMultiPicklist(string value)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                set.Add(trimmed);
            }
        }

        return set;
    }
}
