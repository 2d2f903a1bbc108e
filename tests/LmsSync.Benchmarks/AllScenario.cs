using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// <c>all</c>: the five scenarios of the scale issue in one run, ending with one table (scenario, LMS, figures,
/// target, verdict). <c>--quick</c> is a smoke run (5,000 users for 1/2/4/5, 500 for 3); <c>--users N</c> and
/// <c>--sync-users N</c> size them; <c>--baseline-users N</c> runs the hand-written script on N users and scales;
/// <c>--lms</c> picks the LMSs of scenario 3 and <c>--scale-lms</c> the LMS of scenarios 2, 4 and 5.
/// </summary>
public sealed class AllScenario : IBenchmarkScenario
{
    public string Name => "all";
    public string Description => "every scenario of the scale issue, one table (--quick, --users, --sync-users, --baseline-users, --lms, --scale-lms)";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var quick = Options.Flag(args, "--quick");
        var users = Options.Int(args, "--users", quick ? 5_000 : 100_000);
        var syncUsers = Options.Int(args, "--sync-users", quick ? 500 : 10_000);
        var baselineUsers = Options.Int(args, "--baseline-users", syncUsers);
        var started = Stopwatch.StartNew();
        Console.WriteLine($"all: {users:N0} users for scenarios 1, 2, 4, 5; {syncUsers:N0} for 3; load average {PlanScenario.LoadAverage()} on {Environment.ProcessorCount} cores; {DateTime.UtcNow:u}");

        var rows = new List<BenchmarkRow>();
        var plan = PlanScenario.Measure(users, quick ? 3 : 7);
        rows.Add(new BenchmarkRow("1 plan in memory", "iSpring-like", string.Format(CultureInfo.InvariantCulture,
                "{0:N0} users: median {1:0.00} µs/user ({2:N0} ms), best {3:0.00} µs/user; CPU median {4:0.00} µs/user; {5:N0} MiB allocated",
                users, plan.MedianPerUser, plan.Median, plan.BestPerUser, plan.CpuMedianPerUser, plan.AllocatedMiB),
            "< 10 µs/user", plan.MedianPerUser < PlanScenario.TargetMicroseconds));

        rows.AddRange(await ScaleScenario.MeasureAsync(users, Options.Kinds(args, "--scale-lms", "ispring")[0]));
        rows.AddRange(await InitialSyncScenario.MeasureAsync(syncUsers, baselineUsers, Options.Kinds(args, "--lms")));

        Console.WriteLine($"all: done in {started.Elapsed.TotalMinutes:0.0} min; load average now {PlanScenario.LoadAverage()}");
        ResultTable.Print(rows);
        return ResultTable.ExitCode(rows);
    }
}
