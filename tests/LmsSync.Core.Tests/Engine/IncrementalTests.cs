using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Sandbox.Salesforce;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// Incremental runs: after a full run, only users changed since the SystemModstamp watermark (less the overlap) and
/// users whose public groups changed are read, planned and applied; a full reconcile on demand and on a cadence.
/// </summary>
public sealed class EngineIncrementalTests
{
    private const LmsKind Kind = LmsKind.ISpring;

    private static SyncEngine Engine(EngineSandbox sandbox, SyncConfiguration? configuration = null) =>
        sandbox.Engine(Kind, configuration ?? EngineSandbox.Configuration(Kind), clock: sandbox.Clock);

    private static List<string> LinkedUsers(EngineSandbox sandbox, int count)
    {
        var integrationUser = OrgUsers.FindByUsername(sandbox.Salesforce.Org, sandbox.Salesforce.Credentials.Username)?.Id;
        return StateFile.Load(sandbox.Paths.State).Links.Select(l => l.SalesforceId).Where(id => id != integrationUser).Take(count).ToList();
    }

    private static async Task<RunSummary> FullFirstRunAsync(EngineSandbox sandbox, SyncConfiguration? configuration = null)
    {
        var (first, observer) = await sandbox.RunAsync(Engine(sandbox, configuration));
        Assert.True(first.Status == RunStatus.Succeeded, first.Message + " " + string.Join("; ", observer.Results.Where(r => r.Status == ResultStatus.Failure)));
        Assert.Equal(ReadMode.Full, first.Mode);
        var state = StateFile.Load(sandbox.Paths.State);
        Assert.NotNull(state.SystemModstampWatermark);
        Assert.NotNull(state.LastFullRun);
        // Changes made from here on carry a later SystemModstamp than anything the first run read.
        sandbox.Host.Context.Clock.Advance(TimeSpan.FromMinutes(30));
        return first;
    }

    private static List<string> SalesforceQueries(EngineSandbox sandbox, long mark) =>
        sandbox.Host.Context.Requests.Since(mark, "salesforce")
            .Where(r => r.Path.Contains("/query", StringComparison.Ordinal) && r.Path.Contains("q=", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Path.Replace('+', ' '))).ToList();

    [Fact]
    public async Task After_a_full_run_an_incremental_run_reads_only_the_changed_users_and_writes_only_them()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 40);
        var first = await FullFirstRunAsync(sandbox);
        var state = StateFile.Load(sandbox.Paths.State);
        var since = state.SystemModstampWatermark!.Value - TimeSpan.FromMinutes(5);
        var overlapMatches = sandbox.Salesforce.Org.Rows("User").Count(r => r["SystemModstamp"] is DateTimeOffset stamp && stamp >= since);

        var changed = LinkedUsers(sandbox, 3);
        foreach (var id in changed) sandbox.Salesforce.UpdateUser(id, new Dictionary<string, object?> { ["Title"] = "Changed " + id });
        var mark = sandbox.Host.Context.Requests.Mark;

        var engine = Engine(sandbox);
        var (run, observer) = await sandbox.RunAsync(engine);
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        Assert.True(run.SalesforceUsersRead >= 3 && run.SalesforceUsersRead <= 3 + overlapMatches,
            $"read {run.SalesforceUsersRead}, changed 3, overlap {overlapMatches}, full run read {first.SalesforceUsersRead}");
        Assert.True(run.SalesforceUsersRead < first.SalesforceUsersRead);

        var queries = SalesforceQueries(sandbox, mark);
        Assert.Contains(queries, q => q.Contains("FROM User", StringComparison.Ordinal) && q.Contains("SystemModstamp >= ", StringComparison.Ordinal) &&
                                      q.Contains("ORDER BY SystemModstamp, Id", StringComparison.Ordinal));
        Assert.DoesNotContain(queries, q => q.Contains("FROM User", StringComparison.Ordinal) && !q.Contains("SystemModstamp >= ", StringComparison.Ordinal));

        // Results for the users read only; writes for the three changed ones only.
        Assert.True(observer.Results.Count <= run.SalesforceUsersRead);
        var written = observer.Results.Where(r => r.Action != PlanAction.NoChange && r.Action != PlanAction.Skip).ToList();
        Assert.Equal(changed.OrderBy(x => x), written.Select(r => r.SalesforceId!).OrderBy(x => x));
        Assert.All(written, r => Assert.Equal(PlanAction.Update, r.Action));
        Assert.All(written, r => Assert.Equal(ResultStatus.Success, r.Status));
        Assert.True(run.WriteCalls > 0);

        // Converged: the next incremental run writes nothing.
        var (again, _) = await sandbox.RunAsync(Engine(sandbox));
        Assert.Equal(ReadMode.Incremental, again.Mode);
        Assert.True(again.Status == RunStatus.Succeeded, again.Message);
        Assert.Equal(0, again.WriteCalls);
    }

    [Fact]
    public async Task A_user_made_inactive_in_Salesforce_is_deactivated_by_an_incremental_run()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        await FullFirstRunAsync(sandbox);
        var leaver = LinkedUsers(sandbox, 1).Single();
        sandbox.Salesforce.DeactivateUser(leaver);

        var (run, observer) = await sandbox.RunAsync(Engine(sandbox));
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        var row = Assert.Single(observer.Results, r => r.Action == PlanAction.Deactivate);
        Assert.Equal(leaver, row.SalesforceId);
        Assert.Equal(ResultStatus.Success, row.Status);
    }

    [Fact]
    public async Task An_incremental_run_never_deactivates_users_it_did_not_read_and_a_full_run_does()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var configuration = EngineSandbox.Configuration(Kind);
        configuration.Source.Where = "Title != 'Gone'";
        await FullFirstRunAsync(sandbox, configuration);
        // The user drops out of the source query: an incremental read cannot see that, only a full one can.
        var leaver = LinkedUsers(sandbox, 1).Single();
        sandbox.Salesforce.UpdateUser(leaver, new Dictionary<string, object?> { ["Title"] = "Gone" });

        var (incremental, observer) = await sandbox.RunAsync(Engine(sandbox, configuration));
        Assert.True(incremental.Status == RunStatus.Succeeded, incremental.Message);
        Assert.Equal(ReadMode.Incremental, incremental.Mode);
        Assert.DoesNotContain(observer.Results, r => r.Action == PlanAction.Deactivate);
        Assert.DoesNotContain(observer.Results, r => r.SalesforceId == leaver);
        Assert.Equal(0, incremental.WriteCalls);

        var (full, fullObserver) = await sandbox.RunAsync(Engine(sandbox, configuration), new RunRequest { Full = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Message);
        Assert.Equal(ReadMode.Full, full.Mode);
        Assert.Contains("-Full", full.ModeReason);
        var row = Assert.Single(fullObserver.Results, r => r.Action == PlanAction.Deactivate);
        Assert.Equal(leaver, row.SalesforceId);
    }

    [Fact]
    public async Task A_user_removed_from_a_public_group_is_picked_up_by_an_incremental_run()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var configuration = EngineSandbox.Configuration(Kind, o => o.RemoveFromStaleGroups = true);
        configuration.Mapping.Groups!.IncludePublicGroups = true;
        configuration.Mapping.Groups.Combine = GroupCombine.All;
        await FullFirstRunAsync(sandbox, configuration);

        var org = sandbox.Salesforce.Org;
        var linked = new HashSet<string>(LinkedUsers(sandbox, 1000));
        var publicGroups = org.Rows("Group").Where(g => (string?)g["Type"] == "Regular").ToDictionary(g => g.Id, g => (string)g["Name"]!);
        var membership = org.Rows("GroupMember").First(m => m["UserOrGroupId"] is string user && linked.Contains(user) &&
                                                           m["GroupId"] is string group && publicGroups.ContainsKey(group));
        var member = (string)membership["UserOrGroupId"]!;
        var stampBefore = org.Get(member)!["SystemModstamp"];
        org.Delete(membership.Id);
        Assert.Equal(stampBefore, org.Get(member)!["SystemModstamp"]); // the user's own record did not change

        var mark = sandbox.Host.Context.Requests.Mark;
        var (run, observer) = await sandbox.RunAsync(Engine(sandbox, configuration));
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        var row = Assert.Single(observer.Results, r => r.SalesforceId == member);
        Assert.Equal(PlanAction.Update, row.Action);
        Assert.Equal(ResultStatus.Success, row.Status);
        Assert.Contains(SalesforceQueries(sandbox, mark), q => q.Contains("FROM User", StringComparison.Ordinal) && q.Contains("Id IN (", StringComparison.Ordinal));
        Assert.DoesNotContain(observer.Results, r => r.SalesforceId != member && r.Action != PlanAction.NoChange && r.Action != PlanAction.Skip);
    }

    [Fact]
    public async Task Full_forces_a_full_read()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var first = await FullFirstRunAsync(sandbox);
        var (run, _) = await sandbox.RunAsync(Engine(sandbox), new RunRequest { Full = true });
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Full, run.Mode);
        Assert.Equal(first.SalesforceUsersRead, run.SalesforceUsersRead);
        Assert.Equal(0, run.WriteCalls);
    }

    [Fact]
    public async Task A_full_read_comes_round_again_when_the_last_full_run_is_older_than_FullReconcileEvery()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var first = await FullFirstRunAsync(sandbox);

        sandbox.Host.Context.Clock.Advance(TimeSpan.FromHours(12));
        var (incremental, _) = await sandbox.RunAsync(Engine(sandbox));
        Assert.Equal(ReadMode.Incremental, incremental.Mode);

        sandbox.Host.Context.Clock.Advance(TimeSpan.FromHours(12));
        var (due, _) = await sandbox.RunAsync(Engine(sandbox));
        Assert.True(due.Status == RunStatus.Succeeded, due.Message);
        Assert.Equal(ReadMode.Full, due.Mode);
        Assert.Contains("FullReconcileEvery", due.ModeReason);
        Assert.Equal(first.SalesforceUsersRead, due.SalesforceUsersRead);

        // A shorter cadence is a profile option; 0 makes every run full.
        var everyRun = EngineSandbox.Configuration(Kind, o => o.FullReconcileEvery = TimeSpan.Zero);
        var (always, _) = await sandbox.RunAsync(Engine(sandbox, everyRun));
        Assert.Equal(ReadMode.Full, always.Mode);
    }

    [Fact]
    public async Task A_failed_row_keeps_the_watermark_so_the_next_run_reads_the_change_again()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        await FullFirstRunAsync(sandbox);
        var watermark = StateFile.Load(sandbox.Paths.State).SystemModstampWatermark;
        var changed = LinkedUsers(sandbox, 1).Single();
        sandbox.Salesforce.UpdateUser(changed, new Dictionary<string, object?> { ["Title"] = "Changed" });

        var (declined, observer) = await sandbox.RunAsync(Engine(sandbox), observer: new RecordingObserver { Confirm = _ => false });
        Assert.Equal(ReadMode.Incremental, declined.Mode);
        Assert.Contains(observer.Results, r => r.SalesforceId == changed && r.Status == ResultStatus.NotConfirmed);
        Assert.Equal(watermark, StateFile.Load(sandbox.Paths.State).SystemModstampWatermark);

        var (retried, observer2) = await sandbox.RunAsync(Engine(sandbox));
        Assert.Equal(ReadMode.Incremental, retried.Mode);
        Assert.Contains(observer2.Results, r => r.SalesforceId == changed && r.Action == PlanAction.Update && r.Status == ResultStatus.Success);
        Assert.True(StateFile.Load(sandbox.Paths.State).SystemModstampWatermark > watermark);
    }
}
