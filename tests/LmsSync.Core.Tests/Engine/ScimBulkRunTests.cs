using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Engine;

/// <summary>Whole runs into the SCIM emulator with /Bulk offered: few calls, the same end state as per-user calls, identity hand-overs in order.</summary>
public sealed class ScimBulkRunTests
{
    private const int MaxOperations = 10;

    private static SyncConfiguration WithGroups()
    {
        var configuration = EngineSandbox.Configuration(LmsKind.Scim);
        configuration.Mapping.Groups = new GroupMapping("Department");
        return configuration;
    }

    private static async Task<EngineSandbox> StartAsync(bool bulk)
    {
        var sandbox = await EngineSandbox.StartAsync(users: 60);
        var scim = sandbox.Host.Emulator<ScimEmulator>();
        var behaviour = scim.Behaviour;
        behaviour.BulkSupported = bulk;
        behaviour.BulkMaxOperations = MaxOperations;
        scim.Behaviour = behaviour;
        return sandbox;
    }

    private static List<LoggedRequest> Requests(EngineSandbox sandbox, long mark, string method, string path) =>
        sandbox.Host.Context.Requests.Since(mark, "scim").Where(r => r.Method == method && r.Path.StartsWith("/scim/v2" + path, StringComparison.Ordinal)).ToList();

    /// <summary>The LMS as userName → (fields, active, groups by name): ids differ between two emulators, nothing else may.</summary>
    private static Dictionary<string, string> State(EngineSandbox sandbox)
    {
        var (users, groups) = sandbox.Host.Emulator<ScimEmulator>().Snapshot();
        var userNames = users.ToDictionary(u => (string)u["id"]!, u => (string)u["userName"]!);
        var groupsOf = groups.SelectMany(g => ((JsonArray?)g["members"] ?? new JsonArray()).Select(m => (Member: userNames[(string)m!["value"]!], Group: (string)g["displayName"]!)))
            .ToLookup(m => m.Member, m => m.Group);
        return users.ToDictionary(u => (string)u["userName"]!, u =>
        {
            var copy = (JsonObject)u.DeepClone();
            copy.Remove("id");
            copy.Remove("meta");
            copy.Remove("groups"); // group ids differ too; membership is compared by group name below
            return copy.ToJsonString() + " groups=" + string.Join(",", groupsOf[(string)u["userName"]!].OrderBy(g => g, StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task An_initial_sync_uses_few_Bulk_calls_ends_as_per_user_calls_do_and_converges()
    {
        await using var single = await StartAsync(bulk: false);
        var (perUser, perUserObserver) = await single.RunAsync(single.Engine(LmsKind.Scim, WithGroups()));
        Assert.True(perUser.Status == RunStatus.Succeeded, perUser.Message + " " + string.Join("; ", perUserObserver.Results.Where(r => r.Status == ResultStatus.Failure).Select(r => r.Error)));
        var creates = perUser.Actions[PlanAction.Create];
        Assert.Equal(creates, Requests(single, 0, "POST", "/Users").Count);
        Assert.Empty(Requests(single, 0, "POST", "/Bulk"));
        var groupPatches = Requests(single, 0, "PATCH", "/Groups").Count;
        Assert.True(groupPatches >= creates / 2, $"{groupPatches} group PATCHes for {creates} users");

        await using var bulk = await StartAsync(bulk: true);
        var (batched, observer) = await bulk.RunAsync(bulk.Engine(LmsKind.Scim, WithGroups()));
        Assert.True(batched.Status == RunStatus.Succeeded, batched.Message + " " + string.Join("; ", observer.Results.Where(r => r.Status == ResultStatus.Failure).Select(r => r.Error)));
        Assert.Equal(creates, batched.Actions[PlanAction.Create]);
        Assert.False(observer.CalledConcurrently);
        // One request for each chunk's creates and one for its group memberships (a lone operation goes as a plain PATCH);
        // nothing one user at a time.
        var chunks = (creates + MaxOperations - 1) / MaxOperations;
        Assert.Empty(Requests(bulk, 0, "POST", "/Users"));
        Assert.Empty(Requests(bulk, 0, "PATCH", "/Users"));
        var userWrites = Requests(bulk, 0, "POST", "/Bulk").Count + Requests(bulk, 0, "PATCH", "/Groups").Count;
        Assert.InRange(Requests(bulk, 0, "POST", "/Bulk").Count, chunks, 2 * chunks);
        Assert.InRange(userWrites, chunks + 1, 2 * chunks);
        Assert.Equal(userWrites + Requests(bulk, 0, "POST", "/Groups").Count, batched.WriteCalls);
        Assert.True(batched.WriteCalls * 5 < perUser.WriteCalls, $"{batched.WriteCalls} writes with /Bulk, {perUser.WriteCalls} without");

        var (expected, actual) = (State(single), State(bulk));
        Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        // Each new user's id came back from its bulk operation and is the row's LMS id (so the link is stored).
        var ids = bulk.Host.Emulator<ScimEmulator>().Snapshot().Users.Where(u => u["externalId"] != null).ToDictionary(u => (string)u["externalId"]!, u => (string)u["id"]!);
        Assert.All(observer.Results.Where(r => r.Action == PlanAction.Create), r => Assert.Equal(ids[r.SalesforceId!], r.LmsId));
        Assert.Equal(perUserObserver.Results.Count, observer.Results.Count);
        Assert.Equal(observer.Results.Count, observer.Progress.Last(p => p.Stage == SyncProgress.Applying).Done);

        var mark = bulk.Host.Context.Requests.Mark;
        var (again, againObserver) = await bulk.RunAsync(bulk.Engine(LmsKind.Scim, WithGroups()), new RunRequest { Full = true });
        Assert.True(again.Status == RunStatus.Succeeded, again.Message);
        Assert.Equal(0, again.WriteCalls);
        Assert.All(againObserver.Results, r => Assert.Contains(r.Action, new[] { PlanAction.NoChange, PlanAction.Skip }));
        Assert.Empty(Requests(bulk, mark, "POST", "/"));
    }

    [Fact]
    public async Task A_Bulk_request_answered_503_with_Retry_After_is_sent_again()
    {
        await using var sandbox = await StartAsync(bulk: true);
        sandbox.Host.Context.Faults.Add(new FaultRule
        {
            Method = "POST", PathPattern = "^/scim/v2/Bulk$", Times = 1, StatusCode = 503,
            Body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"503\",\"detail\":\"busy\"}",
            Headers = { ["Retry-After"] = "1" },
        });

        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(LmsKind.Scim));

        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.Equal(1, summary.Retries);
        Assert.DoesNotContain(observer.Results, r => r.Status == ResultStatus.Failure);
        var bulks = Requests(sandbox, 0, "POST", "/Bulk");
        Assert.Equal(503, bulks[0].Status);
        Assert.All(bulks.Skip(1), r => Assert.Equal(200, r.Status));
        Assert.Equal(summary.Actions[PlanAction.Create], sandbox.Host.Emulator<ScimEmulator>().Snapshot().Users.Count(u => u["externalId"] != null));
    }

    [Fact]
    public async Task Rows_that_hand_a_userName_over_are_applied_in_order_not_in_a_batch()
    {
        await using var sandbox = await StartAsync(bulk: true);
        var engine = sandbox.Engine(LmsKind.Scim);
        var (first, observer) = await sandbox.RunAsync(engine);
        Assert.True(first.Status == RunStatus.Succeeded, first.Message);
        var created = observer.Results.Where(r => r.Action == PlanAction.Create).Select(r => r.SalesforceId!).OrderBy(id => id, StringComparer.Ordinal).ToList();
        string Email(string id) => (string)sandbox.Salesforce.Org.Rows("User").Single(r => r.Id == id)["Email"]!;

        // Two hand-overs, one in each plan order, so one of them has the taker before the giver whichever way rows are listed:
        // u0 takes u1's address and u3 takes u2's, while u1 and u2 move to new ones.
        var u = created.Take(4).ToList();
        var (e1, e2) = (Email(u[1]), Email(u[2]));
        sandbox.Salesforce.UpdateUser(u[1], new Dictionary<string, object?> { ["Email"] = "moved.one@bulk.example" });
        sandbox.Salesforce.UpdateUser(u[2], new Dictionary<string, object?> { ["Email"] = "moved.two@bulk.example" });
        sandbox.Salesforce.UpdateUser(u[0], new Dictionary<string, object?> { ["Email"] = e1 });
        sandbox.Salesforce.UpdateUser(u[3], new Dictionary<string, object?> { ["Email"] = e2 });

        var (second, observer2) = await sandbox.RunAsync(sandbox.Engine(LmsKind.Scim), new RunRequest { Full = true });
        Assert.True(second.Status == RunStatus.Succeeded, second.Message + " " + string.Join("; ", observer2.Results.Where(r => r.Status == ResultStatus.Failure).Select(r => r.Error)));
        Assert.Equal(4, second.Actions[PlanAction.Update]);
        var users = sandbox.Host.Emulator<ScimEmulator>().Snapshot().Users.Where(x => x["externalId"] != null).ToDictionary(x => (string)x["externalId"]!, x => (string)x["userName"]!);
        Assert.Equal((e1, e2, "moved.one@bulk.example", "moved.two@bulk.example"), (users[u[0]], users[u[3]], users[u[1]], users[u[2]]));
    }

    [Fact]
    public async Task A_run_cancelled_between_batches_counts_the_rows_not_attempted_and_keeps_the_links_of_those_done()
    {
        await using var sandbox = await StartAsync(bulk: true);
        using var cts = new CancellationTokenSource();
        var observer = new RecordingObserver { AfterResult = n => { if (n == 12) cts.Cancel(); } };
        // One batch at a time, so the cut falls between batches of MaxOperations rows.
        var engine = sandbox.Engine(LmsKind.Scim, scim: o => o.MaxConcurrency = 1);

        var (stopped, _) = await sandbox.RunAsync(engine, observer: observer, ct: cts.Token);

        Assert.Equal(RunStatus.Cancelled, stopped.Status);
        var done = observer.Results.Where(r => r.Action == PlanAction.Create && r.Status == ResultStatus.Success).ToList();
        var creates = stopped.Actions[PlanAction.Create];
        Assert.InRange(done.Count, 12, creates - 1);
        Assert.Equal(0, done.Count % MaxOperations);
        Assert.Contains($"{creates - done.Count} changes not attempted", stopped.Message);
        var links = StateFile.Load(sandbox.Paths.State).Links;
        Assert.Equal(done.Select(r => r.LmsId).OrderBy(x => x), links.Select(l => l.LmsId).OrderBy(x => x));

        var (resumed, observer2) = await sandbox.RunAsync(sandbox.Engine(LmsKind.Scim));
        Assert.True(resumed.Status == RunStatus.Succeeded, resumed.Message);
        Assert.Equal(creates - done.Count, resumed.Actions[PlanAction.Create]);
        Assert.DoesNotContain(observer2.Results, r => r.Status == ResultStatus.Failure);
    }
}
