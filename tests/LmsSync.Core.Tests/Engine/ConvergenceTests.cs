using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

public sealed class EngineConvergenceTests
{
    [Theory]
    [InlineData(LmsKind.ISpring)]
    [InlineData(LmsKind.SkyPrep)]
    [InlineData(LmsKind.Scim)]
    public async Task A_second_run_after_a_successful_one_plans_only_NoChange_and_writes_nothing(LmsKind kind)
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 40);
        var engine = sandbox.Engine(kind);

        var (first, observer) = await sandbox.RunAsync(engine);
        Assert.True(first.Status == RunStatus.Succeeded, first.Message + " " + string.Join("; ", observer.Results.Where(r => r.Status == ResultStatus.Failure).Select(r => r + " " + string.Join(",", r.Changes))));
        Assert.True(first.Actions.GetValueOrDefault(PlanAction.Create) > 0);
        Assert.DoesNotContain(observer.Results, r => r.Status == ResultStatus.Failure);
        Assert.False(observer.CalledConcurrently);

        var second = sandbox.Engine(kind);
        var writesBefore = second.Session.Lms.Calls.Writes;
        var (again, observer2) = await sandbox.RunAsync(second);
        Assert.True(again.Status == RunStatus.Succeeded, again.Message);
        Assert.True(again.WriteCalls == 0, string.Join(", ", again.Actions) + " | " + string.Join("; ", observer2.Results.Where(r => r.Action != PlanAction.NoChange).Take(5).Select(r => r + " " + string.Join(",", r.Changes))));
        Assert.Equal(writesBefore, second.Session.Lms.Calls.Writes);
        var notNoChange = again.Actions.Where(a => a.Key != PlanAction.NoChange && a.Key != PlanAction.Skip).ToList();
        Assert.True(notNoChange.Count == 0, string.Join(", ", notNoChange) + " | " + string.Join("; ", observer2.Results.Where(r => r.Action != PlanAction.NoChange).Take(5)));

        Assert.Equal(2, SyncHistory.Read(sandbox.Paths).Count());
        Assert.NotEmpty(SyncHistory.ReadResults(sandbox.Paths, first.RunId));
        Assert.NotEmpty(SyncHistory.ReadJournal(sandbox.Paths));
    }
}
