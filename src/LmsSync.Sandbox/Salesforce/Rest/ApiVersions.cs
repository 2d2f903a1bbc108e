using System;
using System.Collections.Generic;
using System.Globalization;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// The REST API versions this org serves: v31.0 (the oldest still alive after the Summer '25
/// retirement of 21.0–30.0) up to v66.0 (Spring '26), the product's pinned version.
/// Anything else, e.g. v67.0 that this org "has not got yet", is 404 NOT_FOUND.
/// </summary>
public static class ApiVersions
{
    public const int Oldest = 31;
    public const int Newest = 66;
    public const string Default = "66.0";

    /// <summary>Every supported version as <c>{label, url, version}</c>, oldest first, like <c>GET /services/data/</c>.</summary>
    public static IEnumerable<(string Label, string Url, string Version)> All()
    {
        for (var major = Oldest; major <= Newest; major++)
        {
            var version = major.ToString(CultureInfo.InvariantCulture) + ".0";
            yield return (ReleaseName(major), "/services/data/v" + version, version);
        }
    }

    /// <summary>Parses a path segment like <c>v66.0</c>; returns <c>66.0</c> when this org serves it, else null.</summary>
    public static string? Parse(string segment)
    {
        if (segment.Length < 4 || segment[0] != 'v' || !segment.EndsWith(".0", System.StringComparison.Ordinal)) return null;
        var digits = segment.AsSpan(1, segment.Length - 3);
        if (digits.Length == 0 || digits[0] == '0') return null;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return null;
        }
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major)) return null;
        return major is >= Oldest and <= Newest ? major.ToString(CultureInfo.InvariantCulture) + ".0" : null;
    }

    /// <summary>Three releases a year, v31.0 = Summer '14: Summer, Winter (next year's number), Spring.</summary>
    internal static string ReleaseName(int major)
    {
        var step = major - Oldest;
        var summerYear = 14 + step / 3;
        return (step % 3) switch
        {
            0 => $"Summer '{summerYear:00}",
            1 => $"Winter '{summerYear + 1:00}",
            _ => $"Spring '{summerYear + 1:00}",
        };
    }
}
