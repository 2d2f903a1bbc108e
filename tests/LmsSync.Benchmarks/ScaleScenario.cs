using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>
/// Scenarios 2, 4 and 5 on a 100,000-user org, with the Sandbox in its own process and a fixed 20 ms latency on every
/// LMS request (not on Salesforce). Each measured run is a child process (<see cref="ScaleStages"/>), so its peak
/// working set is its own. First the LMS is filled by an initial sync without latency (so it holds exactly what a
/// sync writes, links included), then: (2) a dry run (-WhatIf: read both ends, plan) — wall time and peak memory;
/// (4) a full re-sync, which must write nothing; (5) 1 % of the users get a new Title through the Salesforce admin
/// API and the next run (incremental, as chosen after a clean full run) — wall time and users read.
/// With <c>--memory</c>, first a breakdown of the dry run's memory by step (<see cref="MemoryStages"/>).
/// With <c>--hold</c>, it stops after the fill with the latency on and prints the child's arguments, so one stage can be
/// run by hand (under a profiler, say) until a line is entered.
/// Usage: <c>scale [--users N] [--lms ispring|skyprep|scim] [--memory] [--hold]</c>.
/// </summary>
public sealed class ScaleScenario : IBenchmarkScenario
{
    public string Name => "scale";
    public string Description => "dry run, no-op re-sync and 1 % incremental run of 100,000 users; Sandbox as a process, 20 ms LMS latency (--users, --lms, --memory)";

    public int Run(string[] args)
    {
        var rows = MeasureAsync(Options.Int(args, "--users", 100_000), Options.Kinds(args, "--lms", "ispring")[0], Options.Flag(args, "--memory"), Options.Flag(args, "--hold"))
            .GetAwaiter().GetResult();
        ResultTable.Print(rows);
        return ResultTable.ExitCode(rows);
    }

    internal static async Task<List<BenchmarkRow>> MeasureAsync(int users, LmsKind kind, bool memory = false, bool hold = false)
    {
        var rows = new List<BenchmarkRow>();
        var lms = InitialSyncScenario.Label(kind);
        var emulator = kind.ToString().ToLowerInvariant();
        var started = Stopwatch.StartNew();
        await using var sandbox = await SandboxProcess.StartAsync(users);
        Console.WriteLine($"scale: Sandbox process with {users:N0} Salesforce users up in {started.Elapsed.TotalSeconds:0.0} s");
        var profile = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;
        try
        {
            string[] Args(params string[] more) => new[] { "--info", sandbox.InfoPath, "--lms", emulator, "--profile", profile }.Concat(more).ToArray();

            var seed = await BenchmarkChild.RunAsync(ScaleStages.Run, Args("--full"));
            Console.WriteLine($"scale: filled {lms} by an initial sync without latency: {Describe(seed)}");
            if (memory)
            {
                var breakdown = await BenchmarkChild.RunAsync(ScaleStages.Memory, Args());
                Console.WriteLine($"scale: memory by step (each after a full GC), {BenchmarkChild.Mib(breakdown)}, {(double)breakdown["allocatedMiB"]!:N0} MiB allocated:");
                foreach (var line in ((string)breakdown["memory"]!).Split('\n')) Console.WriteLine("    " + line);
            }
            await sandbox.Admin.AddLmsLatencyAsync(InitialSyncScenario.LatencyMs);
            // The Sandbox stands in for a remote service, which is warm: a first, unmeasured dry run compiles its list code.
            // Cold, its JIT and collections (on the same two cores as the client) made the first measured dry run 1.5 s slower.
            var warmUp = await BenchmarkChild.RunAsync(ScaleStages.Preview, Args());
            Console.WriteLine($"scale: warmed the Sandbox with an unmeasured dry run ({(double)warmUp["seconds"]!:0.00} s)");
            if (hold)
            {
                Console.WriteLine($"scale: holding; run a stage with: dotnet {typeof(Program).Assembly.Location} {BenchmarkChild.Argument} preview|run {string.Join(" ", Args())} [--full]");
                Console.WriteLine("scale: enter a line to go on");
                Console.ReadLine();
            }

            await sandbox.Admin.ClearRequestsAsync();
            var preview = await BenchmarkChild.RunAsync(ScaleStages.Preview, Args());
            var previewCalls = await sandbox.Admin.RequestsAsync(emulator);
            var previewSeconds = (double)preview["seconds"]!;
            var peak = (double)preview["peakWorkingSetMiB"]!;
            rows.Add(new BenchmarkRow("2 dry run (-WhatIf)", lms, string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} users planned in {1:0.00} s, {2} ({3:N0} MiB allocated); LMS {4}, {5}; {6}",
                    (int)preview["planned"]!, previewSeconds, BenchmarkChild.Mib(preview), (double)preview["allocatedMiB"]!, previewCalls, (string)preview["concurrency"]!, (string)preview["stages"]!),
                "< 5 s, < 400 MB peak", previewSeconds < 5 && peak * 1024 * 1024 < 400_000_000));

            await sandbox.Admin.ClearRequestsAsync();
            var noop = await BenchmarkChild.RunAsync(ScaleStages.Run, Args("--full"));
            var noopCalls = await sandbox.Admin.RequestsAsync(emulator);
            var noopSeconds = (double)noop["seconds"]!;
            var noopWrites = (long)noop["writeCalls"]!;
            rows.Add(new BenchmarkRow("4 no-op re-sync (full)", lms, string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} Salesforce users in {1:0.00} s; {2:N0} write calls; LMS {3}, {4}; {5}; {6}{7}",
                    (int)noop["salesforceUsersRead"]!, noopSeconds, noopWrites, noopCalls, (string)noop["concurrency"]!, BenchmarkChild.Mib(noop), (string)noop["stages"]!, WhyWrites(noop)),
                "< 5 s, 0 writes", noopSeconds < 5 && noopWrites == 0 && noopCalls.Writes == 0));

            var changed = await ChangeTitlesAsync(sandbox, Math.Max(1, users / 100));
            await sandbox.Admin.ClearRequestsAsync();
            var incremental = await BenchmarkChild.RunAsync(ScaleStages.Run, Args());
            var incrementalCalls = await sandbox.Admin.RequestsAsync(emulator);
            var incrementalSeconds = (double)incremental["seconds"]!;
            var read = (int)incremental["salesforceUsersRead"]!;
            rows.Add(new BenchmarkRow("5 incremental, 1 % changed", lms, string.Format(CultureInfo.InvariantCulture,
                    "{0} run, {1:N0} users read from Salesforce ({2:N0} changed), {3:0.00} s; {4:N0} write calls; LMS {5}, {6}; {7}; {8}",
                    (string)incremental["mode"]!, read, changed, incrementalSeconds, (long)incremental["writeCalls"]!, incrementalCalls, (string)incremental["concurrency"]!,
                    BenchmarkChild.Mib(incremental), (string)incremental["stages"]!),
                "< 2 s, only the changed users read", incrementalSeconds < 2 && read <= changed + OverlapAllowance(changed)));
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { }
        }
        return rows;
    }

    /// <summary>
    /// An incremental read starts IncrementalOverlap before the watermark on purpose (so a write racing the last run is
    /// not missed), so it may also re-read the few users last changed just before that run; more than 1 % over is a miss.
    /// </summary>
    private static int OverlapAllowance(int changed) => Math.Max(5, changed / 100);

    /// <summary>Gives <paramref name="count"/> in-scope users, spread over the org, a new Title (moves their SystemModstamp).</summary>
    private static async Task<int> ChangeTitlesAsync(SandboxProcess sandbox, int count)
    {
        var ids = (await PlainSalesforce.QueryAsync(sandbox.Info, "SELECT Id FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY Id"))
            .Select(r => PlainSalesforce.Text(r, "Id")!).ToList();
        var step = Math.Max(1, ids.Count / count);
        var chosen = ids.Where((_, i) => i % step == 0).Take(count).ToList();
        foreach (var id in chosen)
            await sandbox.Admin.UpdateSalesforceUserAsync(id, new Dictionary<string, string> { ["Title"] = "Benchmark title " + id });
        Console.WriteLine($"scale: gave {chosen.Count:N0} of {ids.Count:N0} active standard users a new Title");
        return chosen.Count;
    }

    private static string Describe(JsonObject run) => string.Format(CultureInfo.InvariantCulture,
        "{0} {1}, {2:N0} Salesforce users, {3:N0} write calls, {4:0.0} s{5}",
        (string)run["mode"]!, (string)run["status"]!, (int)run["salesforceUsersRead"]!, (long)run["writeCalls"]!, (double)run["seconds"]!,
        run["message"] is { } message ? ": " + (string)message! : "");

    /// <summary>For a run that should have written nothing: what its rows changed (action and field → users).</summary>
    private static string WhyWrites(JsonObject run) =>
        run["writeReasons"] is JsonObject reasons && reasons.Count > 0
            ? "; rows that wrote: " + string.Join(", ", reasons.Select(r => $"{r.Key} × {(int)r.Value!}"))
            : "";
}
