using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Storage;

namespace LmsSync.Benchmarks;

/// <summary>
/// The child-process side of <see cref="ScaleScenario"/>: one engine call against a Sandbox process, with the
/// profile folder (state) on disk so consecutive stages continue where the last one stopped.
/// Arguments: <c>--info sandbox.json --lms ispring --profile DIR [--full]</c>.
/// </summary>
internal static class ScaleStages
{
    public const string Preview = "preview";
    public const string Run = "run";
    public const string Memory = MemoryStages.Name;

    public static int RunStage(string stage, string[] args)
    {
        var info = JsonNode.Parse(File.ReadAllText(Options.Text(args, "--info") ?? throw new ArgumentException("--info is required.")))!.AsObject();
        var kind = SandboxSessions.ParseKind(Options.Text(args, "--lms") ?? "ispring");
        var paths = new ProfilePaths(Options.Text(args, "--profile") ?? throw new ArgumentException("--profile is required."));
        using var session = SandboxSessions.Create(info, kind, paths);
        var engine = new SyncEngine(session);
        var observer = new BenchObserver();
        var result = new JsonObject();
        var wall = Stopwatch.StartNew();
        switch (stage)
        {
            case Preview:
                var preview = engine.PreviewAsync(new PreviewRequest(), observer, CancellationToken.None).GetAwaiter().GetResult();
                wall.Stop();
                var s = preview.Plan.Summary;
                result["planned"] = s.Total;
                result["plan"] = $"Create {s.Create}, Update {s.Update}, NoChange {s.NoChange}, Skip {s.Skip}, Deactivate {s.Deactivate}";
                result["salesforceReadComplete"] = preview.SalesforceReadComplete;
                break;
            case Run:
                var summary = engine.RunAsync(new RunRequest { Full = Options.Flag(args, "--full") }, observer, CancellationToken.None).GetAwaiter().GetResult();
                wall.Stop();
                result["mode"] = summary.Mode.ToString();
                result["status"] = summary.Status.ToString();
                result["message"] = summary.Message;
                result["salesforceUsersRead"] = summary.SalesforceUsersRead;
                result["writeCalls"] = summary.WriteCalls;
                result["retries"] = summary.Retries;
                result["failed"] = observer.Failed;
                result["writeReasons"] = new JsonObject(observer.WriteReasons.OrderByDescending(r => r.Value).Take(8)
                    .Select(r => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(r.Key, r.Value)));
                break;
            case Memory:
                MemoryStages.Run(session, result);
                wall.Stop();
                break;
            default:
                throw new ArgumentException($"Unknown stage '{stage}'.");
        }
        result["seconds"] = wall.Elapsed.TotalSeconds;
        result["concurrency"] = Concurrency(session.Lms);
        result["stages"] = observer.Stages();
        BenchmarkChild.Report(result);
        return 0;
    }

    /// <summary>Where the LMS client's adaptive limit on requests in flight got to (iSpring, SCIM), for the row.</summary>
    private static string Concurrency(ILmsConnector lms)
    {
        var limit = (lms as IAdaptiveLmsConnector)?.Concurrency;
        return limit == null
            ? $"{lms.MaxConcurrency} in flight (fixed)"
            : $"in flight: limit reached {limit.Highest} of {limit.Ceiling}, ended at {limit.Limit}, {limit.Cuts} cuts";
    }
}
