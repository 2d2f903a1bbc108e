using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>
/// Where a dry run's memory goes (<c>scale --memory</c>): the preview's steps one after another in a child process
/// (Salesforce read, LMS read, plan — not overlapped, unlike the engine), each followed by a full blocking GC, so
/// each step shows the live heap it adds and the bytes it allocated. What each step returns stays referenced until
/// the end, as in a preview.
/// </summary>
internal static class MemoryStages
{
    public const string Name = "memory";

    public static void Run(SyncSession session, JsonObject result)
    {
        var ct = CancellationToken.None;
        var lines = new List<string>();
        var (lastLive, lastAllocated) = Measure();
        void Step(string step)
        {
            var (live, allocated) = Measure();
            lines.Add(string.Format(CultureInfo.InvariantCulture, "{0}: live {1:N1} MiB (+{2:N1}), allocated +{3:N1} MiB",
                step, live / Mib, (live - lastLive) / Mib, (allocated - lastAllocated) / Mib));
            (lastLive, lastAllocated) = (live, allocated);
        }

        var state = StateFile.Load(session.Paths.State).ToSyncState();
        session.Lms.CheckAsync(ct).GetAwaiter().GetResult();
        Step("session and state");
        var source = SourceReader.ReadAsync(session.Salesforce, session.Configuration, session.Log, null, ct).GetAwaiter().GetResult();
        Step($"Salesforce read held ({source.Users.Count:N0} users)");
        var lms = session.Lms.ReadAsync(null, ct).GetAwaiter().GetResult();
        Step($"LMS read held ({lms.Users.Count:N0} users)");
        var configuration = session.Configuration;
        var plan = Planner.Plan(new PlanInput(source.Users, source.Complete, lms, state, configuration.Mapping, session.Lms.Catalog,
            session.Lms.Capabilities, session.Clock, configuration.Options, configuration.Rules, configuration.Scope));
        Step($"plan built ({plan.Rows.Count:N0} rows)");
        GC.KeepAlive(source);
        GC.KeepAlive(lms);
        GC.KeepAlive(plan);
        result["memory"] = string.Join("\n", lines);
    }

    private const double Mib = 1024.0 * 1024;

    private static (long Live, long Allocated) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(false), GC.GetTotalAllocatedBytes(precise: true));
    }
}
