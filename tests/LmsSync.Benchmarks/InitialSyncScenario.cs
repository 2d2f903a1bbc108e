using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;
using LmsSync.Core.Storage;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;
using LmsSync.Sandbox.Scim;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Benchmarks;

/// <summary>
/// Scenario 3: an initial sync of a 10,000-user org into each empty LMS emulator with a fixed 20 ms latency per LMS
/// request, by the engine (what Invoke-SfLmsSync runs) and by a hand-written admin script (<see cref="AdminScript"/>),
/// in the same run on the same org. SkyPrep: the engine keeps to the documented 100 requests a minute on the
/// Sandbox's clock (its waits move the clock, so wall time is the work; the clock's advance is how long it would
/// really take), and must get no 429; the script, which has no limiter, runs with the emulator's limit raised.
/// Usage: <c>initial [--users N] [--baseline-users N] [--lms ispring,skyprep,scim]</c>; <c>--baseline-users</c> runs the
/// script on the first N users only and scales its time and calls to the whole org (a conservative estimate: the
/// script's per-user cost does not fall as the LMS fills).
/// </summary>
public sealed class InitialSyncScenario : IBenchmarkScenario
{
    public const int LatencyMs = 20;

    public string Name => "initial";
    public string Description => "initial sync of 10,000 users per LMS with 20 ms latency vs a hand-written script (--users, --baseline-users, --lms)";

    public int Run(string[] args)
    {
        var users = Options.Int(args, "--users", 10_000);
        var rows = MeasureAsync(users, Options.Int(args, "--baseline-users", users), Options.Kinds(args, "--lms")).GetAwaiter().GetResult();
        ResultTable.Print(rows);
        return ResultTable.ExitCode(rows);
    }

    internal static async Task<List<BenchmarkRow>> MeasureAsync(int users, int baselineUsers, IReadOnlyList<LmsKind> kinds)
    {
        var rows = new List<BenchmarkRow>();
        foreach (var kind in kinds)
        {
            await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = users });
            host.Context.Faults.Add(new FaultRule { PathPattern = SandboxAdmin.LmsPaths, Kind = FaultKind.None, DelayMs = LatencyMs });
            var emulator = kind.ToString().ToLowerInvariant();

            EmptyLms(host);
            if (kind == LmsKind.SkyPrep) host.Emulator<SkyPrepEmulator>().Behaviour.RateLimitPerMinute = 1_000_000;
            var script = await RunScriptAsync(host, kind, emulator, baselineUsers);
            Console.WriteLine($"initial {emulator}: baseline script {script}");

            EmptyLms(host); // documented limits again (SkyPrep: 100 a minute) and an empty LMS
            var ours = await RunEngineAsync(host, kind, emulator);
            Console.WriteLine($"initial {emulator}: engine {ours}");

            var speedUp = script.Seconds / ours.Wall;
            var measured = string.Format(CultureInfo.InvariantCulture,
                "engine: {0:N0} users written in {1:0.0} s, {2:N0} LMS calls ({3:0.00}/user); script: {4:0.0} s, {5:N0} calls ({6:0.00}/user){7}; speed-up {8:0.0}×",
                ours.Written, ours.Wall, ours.Calls.Total, ours.Calls.Total / (double)Math.Max(1, ours.Written),
                script.Seconds, script.Calls, script.CallsPerUser, script.ScaledNote, speedUp);
            if (kind != LmsKind.SkyPrep)
            {
                rows.Add(new BenchmarkRow("3 initial sync, 20 ms latency", Label(kind), measured, "≥ 10× faster than the script", speedUp >= 10));
                continue;
            }
            var perUser = ours.Calls.Total / (double)Math.Max(1, ours.Written);
            rows.Add(new BenchmarkRow("3 initial sync at 100 calls/min", Label(kind), string.Format(CultureInfo.InvariantCulture,
                    "{0:N0} calls for {1:N0} users ({2:0.00}/user, script {3:0.00}/user); {4} × 429; {5:0} min at 100 calls/min",
                    ours.Calls.Total, ours.Written, perUser, script.CallsPerUser, ours.Calls.TooManyRequests, ours.ClockMinutes),
                "fewest calls per user, no 429", perUser < script.CallsPerUser && ours.Calls.TooManyRequests == 0));
            rows.Add(new BenchmarkRow("3 initial sync, 20 ms latency, limit raised for the script", Label(kind), measured, "compare", null));
        }
        return rows;
    }

    internal static string Label(LmsKind kind) => kind switch { LmsKind.ISpring => "iSpring Learn", LmsKind.SkyPrep => "SkyPrep", _ => "SCIM" };

    private static void EmptyLms(SandboxHost host)
    {
        host.Emulator<ISpringEmulator>().Store.Reset(seed: false);
        host.Emulator<SkyPrepEmulator>().Reset(empty: true);
        host.Emulator<ScimEmulator>().Reset();
    }

    private static async Task<ScriptFigures> RunScriptAsync(SandboxHost host, LmsKind kind, string emulator, int limit)
    {
        var wall = Stopwatch.StartNew();
        var source = await PlainSalesforce.QueryAsync(host.Info, AdminScript.Soql);
        var mark = host.Context.Requests.Mark;
        using var script = AdminScript.For(kind, host.Info);
        await script.SignInAsync();
        int done = 0, failed = 0;
        string? firstError = null;
        foreach (var user in source.Take(limit))
        {
            try
            {
                await script.SyncUserAsync(user);
            }
            catch (HttpRequestException e)
            {
                // A script with try/catch around each user: note it, go on.
                failed++;
                firstError ??= e.Message;
            }
            done++;
        }
        wall.Stop();
        var calls = host.Context.Requests.Since(mark, emulator).Count;
        if (firstError != null) Console.WriteLine($"initial {emulator}: the script failed for {failed:N0} users, first: {firstError}");
        return new ScriptFigures(source.Count, done, wall.Elapsed.TotalSeconds, calls);
    }

    private static async Task<EngineFigures> RunEngineAsync(SandboxHost host, LmsKind kind, string emulator)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;
        try
        {
            var clock = host.Context.Clock;
            using var session = SandboxSessions.Create(host.Info, kind, new ProfilePaths(folder), new MovableClock(() => clock.UtcNow, clock.Advance));
            var observer = new BenchObserver();
            var mark = host.Context.Requests.Mark;
            var clockBefore = clock.UtcNow;
            var wall = Stopwatch.StartNew();
            var summary = await new SyncEngine(session).RunAsync(new RunRequest(), observer, CancellationToken.None);
            wall.Stop();
            var calls = new RequestCounts();
            foreach (var request in host.Context.Requests.Since(mark, emulator)) calls.Add(request.Method, request.Path, request.Status);
            if (summary.Message != null) Console.WriteLine($"initial {emulator}: engine {summary.Status}: {summary.Message}");
            return new EngineFigures(observer.Applied, observer.Failed, wall.Elapsed.TotalSeconds, calls, summary.WriteCalls,
                (clock.UtcNow - clockBefore).TotalMinutes, observer.Stages());
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private sealed record ScriptFigures(int Users, int Done, double MeasuredSeconds, int MeasuredCalls)
    {
        private double Scale => Done == 0 ? 1 : Users / (double)Done;
        public double Seconds => MeasuredSeconds * Scale;
        public double Calls => MeasuredCalls * Scale;
        public double CallsPerUser => MeasuredCalls / (double)Math.Max(1, Done);
        public string ScaledNote => Done < Users ? string.Format(CultureInfo.InvariantCulture, " (measured on {0:N0} of {1:N0} users, scaled)", Done, Users) : "";

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0:N0} of {1:N0} Salesforce users in {2:0.0} s, {3:N0} LMS calls ({4:0.00}/user){5}", Done, Users, MeasuredSeconds, MeasuredCalls, CallsPerUser,
            Done < Users ? string.Format(CultureInfo.InvariantCulture, "; all {0:N0} users ≈ {1:0} s", Users, Seconds) : "");
    }

    private sealed record EngineFigures(int Written, int Failed, double Wall, RequestCounts Calls, long WriteCalls, double ClockMinutes, string Stages)
    {
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0:N0} users written ({1:N0} failed) in {2:0.0} s; {3}, {4:N0} write calls by the summary, {5} × 429; {6}",
            Written, Failed, Wall, Calls, WriteCalls, Calls.TooManyRequests, Stages);
    }
}
