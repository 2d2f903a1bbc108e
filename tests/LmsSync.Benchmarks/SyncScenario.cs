using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;
using LmsSync.Sandbox.Scim;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Benchmarks;

/// <summary>
/// sync: an initial sync of N Salesforce users (default 10,000) into each empty LMS emulator, then its no-op re-run;
/// prints users synced, LMS write calls, retries and wall time. SkyPrep's rate limit is honoured on the Sandbox clock
/// (its waits advance that clock instead of sleeping), so its wall time is the work, not the mandated pauses.
/// Usage: <c>dotnet run -c Release --project tests/LmsSync.Benchmarks -- sync [--users N] [--lms ispring,skyprep,scim]</c>.
/// </summary>
public sealed class SyncScenario : IBenchmarkScenario
{
    public string Name => "sync";
    public string Description => "initial sync and no-op re-run of N users into each LMS emulator (--users, --lms)";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var users = 10_000;
        var kinds = "ispring,skyprep,scim";
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--users") users = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--lms") kinds = args[i + 1];
        }
        foreach (var name in kinds.Split(','))
        {
            var kind = SandboxSessions.ParseKind(name);
            await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = users });
            host.Emulator<ISpringEmulator>().Store.Reset(seed: false);
            host.Emulator<SkyPrepEmulator>().Reset(empty: true);
            host.Emulator<ScimEmulator>().Reset();
            var folder = Path.Combine(Path.GetTempPath(), "lmssync-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                for (var pass = 1; pass <= 2; pass++)
                {
                    using var session = SandboxSessions.Create(host.Info, kind, new ProfilePaths(folder), new MovableClock(() => host.Context.Clock.UtcNow, host.Context.Clock.Advance));
                    var observer = new BenchObserver();
                    var wall = Stopwatch.StartNew();
                    var summary = await new SyncEngine(session).RunAsync(new RunRequest(), observer, CancellationToken.None);
                    wall.Stop();
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "sync {0,-8} {1}: {2} Salesforce users, {3} created/updated/deactivated OK, {4} failed, {5} LMS write calls, {6} retries, {7:0.0} s wall — {8}{9}",
                        kind, pass == 1 ? "initial" : "re-run ", summary.SalesforceUsersRead, observer.Applied, observer.Failed, summary.WriteCalls, summary.Retries,
                        wall.Elapsed.TotalSeconds, summary.Status, summary.Message == null ? "" : ": " + summary.Message));
                }
            }
            finally
            {
                try { Directory.Delete(folder, true); } catch (IOException) { }
            }
        }
        return 0;
    }
}
