using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Benchmarks;

/// <summary>One line of the results table: which scenario, which LMS, what was measured, the target, and whether it was met.</summary>
internal sealed record BenchmarkRow(string Scenario, string Lms, string Measured, string Target, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "MISSED", null => "—" };
}

/// <summary>Prints rows as one Markdown table (pasteable into docs/performance.md).</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<BenchmarkRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| Scenario | LMS | Measured | Target | Verdict |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var row in rows) Console.WriteLine($"| {row.Scenario} | {row.Lms} | {row.Measured} | {row.Target} | {row.Verdict} |");
        Console.WriteLine();
    }

    /// <summary>0 when no row missed its target, 3 otherwise (as the single scenarios return).</summary>
    public static int ExitCode(IEnumerable<BenchmarkRow> rows) => rows.Any(r => r.Met == false) ? 3 : 0;
}
