using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>Command-line options shared by the scenarios: <c>--name value</c> pairs and flags.</summary>
internal static class Options
{
    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public static string? Text(string[] args, string name)
    {
        for (var i = 0; i + 1 < args.Length; i++)
            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase)) return args[i + 1];
        return null;
    }

    public static bool Flag(string[] args, string name) => args.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A comma-separated LMS list (ispring,skyprep,scim), all three by default.</summary>
    public static IReadOnlyList<LmsKind> Kinds(string[] args, string name, string fallback = "ispring,skyprep,scim") =>
        (Text(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(SandboxSessions.ParseKind).ToList();
}
