using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Benchmarks;

/// <summary>
/// scim-parse: the client's CPU and allocations per SCIM user read from a list page, without the network. The pages are
/// files saved from a service (e.g. a held <c>scale --lms scim</c> Sandbox, asked with the connector's <c>attributes</c>),
/// parsed as the connector parses them (<see cref="ScimStreamReader"/> with the catalog's fields, values shared per read), round after round until
/// <c>--users</c> users are read, on one thread; the users are kept until the end, as a run keeps them until its plan.
/// One unmeasured round first (JIT). Prints CPU ms, bytes allocated and held (after a full GC) per user, GC counts and
/// pause time. Save every page of a read, so that ids and emails are not read again and again.
/// Usage: <c>scim-parse --pages DIR [--users N] [--rounds R]</c> (R measured repetitions, best and all printed).
/// </summary>
public sealed class ScimParseBenchmark : IBenchmarkScenario
{
    private static readonly ScimFieldSet Catalog = new(LmsFieldCatalog.Scim.Fields.Select(f => f.Name));

    public string Name => "scim-parse";

    public string Description => "parse saved SCIM list pages as the connector does: CPU and bytes allocated per user (--pages DIR, --users, --rounds)";

    public int Run(string[] args)
    {
        var directory = Options.Text(args, "--pages") ?? throw new ArgumentException("--pages DIR: a folder of saved SCIM list pages (*.json).");
        var users = Options.Int(args, "--users", 100_000);
        var rounds = Options.Int(args, "--rounds", 3);
        var pages = Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        if (pages.Count == 0) throw new ArgumentException($"No *.json pages in {directory}.");
        foreach (var page in pages) Parse(page, new ScimValueSharing());
        List<ScimListedUser>? kept = null;
        for (var round = 1; round <= rounds; round++)
        {
            kept = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var live = GC.GetTotalMemory(true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(true);
            var pause = GC.GetTotalPauseDuration();
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            kept = Read(pages, users);
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
            var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
            var paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            var held = GC.GetTotalMemory(true) - live;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scim-parse round {round}: {kept.Count:N0} users from {pages.Count} pages: CPU {cpuMs:0} ms ({cpuMs * 1000 / kept.Count:0.00} µs/user), " +
                $"{(double)bytes / kept.Count:0} bytes allocated/user ({bytes / 1048576.0:0.0} MiB), {(double)held / kept.Count:0} bytes held/user, " +
                $"GCs {collections}, pause {paused:0} ms"));
        }
        return 0;
    }

    private static List<ScimListedUser> Read(List<byte[]> pages, int users)
    {
        var kept = new List<ScimListedUser>();
        var sharing = new ScimValueSharing();
        while (kept.Count < users)
            foreach (var page in pages)
            {
                if (kept.Count >= users) break;
                kept.AddRange(Parse(page, sharing));
            }
        return kept;
    }

    private static IReadOnlyList<ScimListedUser> Parse(byte[] page, ScimValueSharing sharing) =>
        ScimStreamReader.Read(page, page.Length, reader => ScimStreamReader.ListPage(reader, r => ScimStreamReader.User(r, Catalog, sharing)))!.Resources;
}
