using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Relative date literals (TODAY, LAST_N_DAYS:n, …) as half-open day ranges [start, end) around
/// the org clock's current day, in UTC (the integration user's time zone in this emulator).
/// Comparisons against a range follow Salesforce: <c>=</c> means inside it, <c>&gt;</c> after its end,
/// <c>&lt;</c> before its start.
/// </summary>
internal static class DateLiterals
{
    // Name → whether it takes ":n".
    private static readonly Dictionary<string, bool> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TODAY"] = false, ["YESTERDAY"] = false, ["TOMORROW"] = false,
        ["THIS_WEEK"] = false, ["LAST_WEEK"] = false, ["NEXT_WEEK"] = false,
        ["THIS_MONTH"] = false, ["LAST_MONTH"] = false, ["NEXT_MONTH"] = false,
        ["THIS_YEAR"] = false, ["LAST_YEAR"] = false, ["NEXT_YEAR"] = false,
        ["LAST_90_DAYS"] = false, ["NEXT_90_DAYS"] = false,
        ["LAST_N_DAYS"] = true, ["NEXT_N_DAYS"] = true, ["N_DAYS_AGO"] = true,
    };

    public static bool IsKnown(string name, out bool takesN) => Known.TryGetValue(name, out takesN);

    /// <summary>The days the literal covers: start inclusive, end exclusive.</summary>
    public static (DateOnly Start, DateOnly End) Resolve(string name, int n, DateOnly today)
    {
        // Weeks start on Sunday (the en_US locale Salesforce uses by default).
        var weekStart = today.AddDays(-(int)today.DayOfWeek);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return name switch
        {
            "TODAY" => (today, today.AddDays(1)),
            "YESTERDAY" => (today.AddDays(-1), today),
            "TOMORROW" => (today.AddDays(1), today.AddDays(2)),
            "THIS_WEEK" => (weekStart, weekStart.AddDays(7)),
            "LAST_WEEK" => (weekStart.AddDays(-7), weekStart),
            "NEXT_WEEK" => (weekStart.AddDays(7), weekStart.AddDays(14)),
            "THIS_MONTH" => (monthStart, monthStart.AddMonths(1)),
            "LAST_MONTH" => (monthStart.AddMonths(-1), monthStart),
            "NEXT_MONTH" => (monthStart.AddMonths(1), monthStart.AddMonths(2)),
            "THIS_YEAR" => (yearStart, yearStart.AddYears(1)),
            "LAST_YEAR" => (yearStart.AddYears(-1), yearStart),
            "NEXT_YEAR" => (yearStart.AddYears(1), yearStart.AddYears(2)),
            // LAST_N_DAYS:n runs from n days back up to and including today.
            "LAST_90_DAYS" => (today.AddDays(-90), today.AddDays(1)),
            "LAST_N_DAYS" => (today.AddDays(-n), today.AddDays(1)),
            // NEXT_N_DAYS:n starts tomorrow and does not include today.
            "NEXT_90_DAYS" => (today.AddDays(1), today.AddDays(91)),
            "NEXT_N_DAYS" => (today.AddDays(1), today.AddDays(n + 1)),
            "N_DAYS_AGO" => (today.AddDays(-n), today.AddDays(-n + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown date literal."),
        };
    }
}
