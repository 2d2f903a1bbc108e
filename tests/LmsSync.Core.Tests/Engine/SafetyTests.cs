using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>Guards: deprovision threshold, disabled profile, piped users, one run at a time, broken state.</summary>
public sealed class EngineSafetyTests
{
    private const LmsKind Kind = LmsKind.ISpring;

    [Fact]
    public async Task A_plan_over_MaxDeprovision_stops_before_its_first_write_and_Force_passes_it()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var (first, _) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.Equal(RunStatus.Succeeded, first.Status);
        // Not the integration user itself: it must stay active to sign in.
        var integrationUser = LmsSync.Sandbox.Salesforce.OrgUsers.FindByUsername(sandbox.Salesforce.Org, sandbox.Salesforce.Credentials.Username)?.Id;
        var linked = StateFile.Load(sandbox.Paths.State).Links.Select(l => l.SalesforceId).Where(id => id != integrationUser).Take(20).ToList();
        foreach (var id in linked) sandbox.Salesforce.DeactivateUser(id);

        var blockedEngine = sandbox.Engine(Kind);
        var (blocked, observer) = await sandbox.RunAsync(blockedEngine);
        Assert.True(blocked.Status == RunStatus.BlockedByDeprovisionGuard, blocked.Message);
        Assert.Contains("-Force", blocked.Message);
        Assert.Contains("20", blocked.Message);
        Assert.Equal(0, blocked.WriteCalls);
        Assert.Empty(observer.Results);

        var (forced, forcedObserver) = await sandbox.RunAsync(sandbox.Engine(Kind), new RunRequest { Force = true });
        Assert.True(forced.Status == RunStatus.Succeeded, forced.Message);
        Assert.Equal(20, forcedObserver.Results.Count(r => r.Action == PlanAction.Deactivate && r.Status == ResultStatus.Success));
        Assert.All(forcedObserver.Confirmations.Where(c => c.Row.Action == PlanAction.Deactivate), c => Assert.Equal("Deactivate", c.Action));
    }

    [Fact]
    public async Task A_disabled_profile_does_nothing_and_says_Disabled()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        var engine = sandbox.Engine(Kind, EngineSandbox.Configuration(Kind, o => o.Enabled = false));
        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Disabled, summary.Status);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Reads + engine.Session.Lms.Calls.Writes);
        Assert.Equal(RunStatus.Disabled, new RunHistoryFile(new LmsSyncPaths(sandbox.Folder)).LastRun("test")!.Status);
    }

    [Fact]
    public async Task Piped_users_are_planned_with_everyone_but_only_their_rows_are_applied()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        var preview = await sandbox.Engine(Kind).PreviewAsync(new PreviewRequest(), null, CancellationToken.None);
        var chosen = preview.Plan.Rows.Where(r => r.Action == PlanAction.Create).Take(3).Select(r => r.SalesforceId!).ToList();
        Assert.NotEmpty(preview.PayloadFor(preview.Plan.Rows.First(r => r.Action == PlanAction.Create)));

        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind), new RunRequest { OnlySalesforceIds = chosen });
        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.Equal(chosen.OrderBy(x => x), observer.Results.Select(r => r.SalesforceId!).OrderBy(x => x));
        Assert.Equal(3, sandbox.ISpring.Store.Snapshot().Users.Count);
    }

    [Fact]
    public async Task A_second_run_of_the_same_profile_is_refused_naming_the_first()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        using (RunLock.Acquire(sandbox.Paths, "test", "20260101-020000-abcdef", DateTimeOffset.UtcNow))
        {
            var error = await Assert.ThrowsAsync<RunLockedException>(() => sandbox.RunAsync(sandbox.Engine(Kind)));
            Assert.Contains("20260101-020000-abcdef", error.Message);
        }
        Assert.Empty(sandbox.ISpring.Store.Snapshot().Users);
    }

    [Fact]
    public async Task A_corrupt_state_file_is_refused_naming_it_and_left_byte_for_byte()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        Directory.CreateDirectory(sandbox.Paths.Folder);
        var broken = System.Text.Encoding.UTF8.GetBytes("{ \"Version\": 1, \"Links\": [ { \"SalesforceId\": \"005x\" ");
        File.WriteAllBytes(sandbox.Paths.State, broken);

        var engine = sandbox.Engine(Kind);
        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.StateInvalid", summary.ErrorId);
        Assert.Contains(sandbox.Paths.State, summary.Message);
        Assert.Equal(broken, File.ReadAllBytes(sandbox.Paths.State));
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
        Assert.Empty(observer.Results);
        Assert.Throws<StateFileException>(() => StateFile.Load(sandbox.Paths.State));
    }
}
