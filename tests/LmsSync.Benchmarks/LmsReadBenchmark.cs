using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>
/// lms-read: the client's cost of reading every LMS user. A Sandbox process (so its allocations are not counted)
/// is seeded with N learners (default 100,000); the production client reads them all, and the run prints the
/// wall time, the requests, the CPU time of the client and of the Sandbox (wall time is noisy on a shared machine),
/// and the bytes this process allocated per user read. <c>--latency MS</c> delays every LMS request as the scale
/// scenario does. <c>--connector</c> (SCIM) reads through the connector instead, as a sync does: the client's read plus
/// the catalog fields into each LmsUser and the resource kept for a later PATCH.
/// Usage: <c>dotnet run -c Release --project tests/LmsSync.Benchmarks -- lms-read [--users N] [--lms ispring|scim] [--latency MS] [--connector]</c>.
/// </summary>
public sealed class LmsReadBenchmark : IBenchmarkScenario
{
    public string Name => "lms-read";

    public string Description => "read every user of a seeded iSpring or SCIM emulator through the client: time and bytes allocated per user (--users, --lms, --latency)";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var users = Options.Int(args, "--users", 100_000);
        var latency = Options.Int(args, "--latency", 0);
        var kind = Options.Kinds(args, "--lms", "ispring")[0];
        await using var sandbox = await SandboxProcess.StartAsync(10);
        await sandbox.Admin.SeedLmsUsersAsync(kind.ToString().ToLowerInvariant(), users);
        if (latency > 0) await sandbox.Admin.AddLmsLatencyAsync(latency);

        string Text(string section, string name) => (string?)sandbox.Info[section]?[name] ?? throw new InvalidOperationException($"sandbox.json {section}.{name} is missing.");
        Func<Task<int>> read;
        IDisposable client;
        if (kind == LmsKind.Scim)
        {
            var options = new ScimClientOptions { BaseUrl = Text("scim", "url"), Token = SecureStrings.FromPlain(Text("scim", "token")) };
            if (Options.Flag(args, "--connector"))
            {
                var connector = new ScimConnector(options);
                client = connector;
                read = async () => (await connector.ReadAsync(null, CancellationToken.None)).Users.Count;
            }
            else
            {
                var scim = new ScimClient(options);
                client = scim;
                read = async () =>
                {
                    var count = 0;
                    var reader = scim.ListUsers();
                    while (await reader.ReadPageAsync() is { } page) count += page.Count;
                    return count;
                };
            }
        }
        else
        {
            var ispring = new ISpringClient(new ISpringClientOptions { BaseUrl = Text("ispring", "url"), ClientId = Text("ispring", "clientId"), ClientSecret = SecureStrings.FromPlain(Text("ispring", "clientSecret")) });
            client = ispring;
            read = async () =>
            {
                var count = 0;
                var reader = ispring.ReadUsers();
                reader.ReadAhead = true;
                while (await reader.ReadPageAsync() is { } page) count += page.Count;
                return count;
            };
        }
        using (client)
        {
            await sandbox.Admin.ClearRequestsAsync();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sandboxCpu = sandbox.CpuTime;
            var clock = Stopwatch.StartNew();
            var count = await read();
            var seconds = clock.Elapsed.TotalSeconds;
            clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
            sandboxCpu = sandbox.CpuTime - sandboxCpu;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var calls = await sandbox.Admin.RequestsAsync(kind.ToString().ToLowerInvariant());
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "lms-read {0}: {1:N0} users in {2:0.00} s, LMS {3}; CPU client {6:0.00} s, Sandbox {7:0.00} s; {4:N0} MiB allocated, {5:N0} bytes per user",
                kind, count, seconds, calls, allocated / 1048576.0, count == 0 ? 0 : allocated / count, clientCpu.TotalSeconds, sandboxCpu.TotalSeconds));
        }
        return 0;
    }
}
