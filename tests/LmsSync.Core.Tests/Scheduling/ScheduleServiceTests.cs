using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>The service the cmdlets call, over a crontab file, a real history file and a fixed clock.</summary>
public sealed class ScheduleServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 10, 0, TimeSpan.Zero);

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-svc-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly LmsSyncPaths _paths;
    private readonly string _crontab;

    public ScheduleServiceTests()
    {
        _paths = new LmsSyncPaths(Path.Combine(_root, "home dir"));
        _crontab = Path.Combine(_root, "crontab");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ScheduleService Service(IScheduler? scheduler = null, string? homeOverride = null) =>
        new(scheduler ?? new CronScheduler(new CrontabFile(_crontab)), new RunHistoryFile(_paths), _paths, homeOverride, () => Now, TimeZoneInfo.Utc);

    private static ScheduleRequest Request(string trigger = "every 45m 08:00-18:00", string profile = "acme", string? taskName = null) => new()
    {
        Profile = profile,
        TaskName = taskName,
        Trigger = ScheduleTrigger.Parse(trigger),
        PowerShellPath = "/usr/bin/pwsh",
        ModuleManifestPath = "/opt/lmssync/LmsSync.psd1",
    };

    [Fact]
    public async Task Register_then_get_shows_the_entry_with_its_next_run_and_the_profiles_last_run()
    {
        var service = Service();
        new JsonLinesFile<RunHistoryRecord>(RunHistoryFile.PathFor(_paths.Profile("acme"))).Append(new[]
        {
            new RunHistoryRecord { RunId = "r1", Started = Now.AddHours(-3), Ended = Now.AddHours(-3).AddMinutes(2), Status = RunStatus.Succeeded },
            new RunHistoryRecord { RunId = "r2", Started = Now.AddMinutes(-40), Ended = Now.AddMinutes(-39), Status = RunStatus.BlockedByDeprovisionGuard },
        });

        var registered = await service.RegisterAsync(service.Plan(Request()), CancellationToken.None);
        var listed = Assert.Single(await service.GetAsync(null, null, CancellationToken.None));

        Assert.Equal(("acme", "acme", SchedulerKind.Cron, _crontab), (listed.TaskName, listed.Profile, listed.Scheduler, listed.Location));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), listed.NextRun);
        Assert.Equal(("r2", Now.AddMinutes(-40), RunStatus.BlockedByDeprovisionGuard, ScheduleExitCode.BlockedByDeprovisionGuard),
            (listed.LastRunId, listed.LastRun, listed.LastStatus, listed.LastExitCode));
        Assert.Equal(listed.NextRun, registered.NextRun);
        Assert.True(Directory.Exists(_paths.Profile("acme").LogFolder), "the log folder must exist before the first run redirects into it");
    }

    [Fact]
    public void The_command_logs_next_to_the_profile_and_pins_LMSSYNC_HOME_when_it_was_set()
    {
        var plain = Service().Plan(Request()).Definition.Command.Arguments.Last();
        Assert.DoesNotContain("LMSSYNC_HOME", plain);
        Assert.EndsWith("*>> '" + Path.Combine(_paths.Profile("acme").LogFolder, "scheduled.log") + "'", plain);

        var pinned = Service(homeOverride: _paths.Root).Plan(Request()).Definition.Command.Arguments.Last();
        Assert.StartsWith("$env:LMSSYNC_HOME = '" + _paths.Root + "'; ", pinned);
        Assert.Contains("Invoke-SfLmsSync -Profile 'acme' -ExitWithStatus", pinned);
    }

    [Fact]
    public async Task A_schedule_whose_profile_never_ran_has_no_last_run()
    {
        var service = Service();
        await service.RegisterAsync(service.Plan(Request()), CancellationToken.None);
        var listed = Assert.Single(await service.GetAsync("ACME", null, CancellationToken.None));
        Assert.Null(listed.LastRun);
        Assert.Null(listed.LastStatus);
        Assert.Null(listed.LastExitCode);
    }

    [Fact]
    public void The_plan_warns_when_the_profile_has_not_been_saved_yet()
    {
        Assert.Contains(Service().Plan(Request()).Warnings, w => w.Contains("Connect-SfLms"));
        Directory.CreateDirectory(_paths.Profile("acme").Folder);
        Assert.DoesNotContain(Service().Plan(Request()).Warnings, w => w.Contains("Connect-SfLms"));
    }

    [Fact]
    public void The_plan_describes_the_exact_definition_without_registering_it()
    {
        var plan = Service().Plan(Request());
        Assert.Contains(CrontabBlock.Render(plan.Definition), plan.Description);
        Assert.False(File.Exists(_crontab));
    }

    [Theory]
    [InlineData("../etc", null)]
    [InlineData("acme", "bad name")]
    [InlineData("acme", ".hidden")]
    public void Unsafe_profile_and_task_names_are_refused(string profile, string? taskName)
    {
        Assert.Equal(ScheduleErrorKind.Invalid, Assert.Throws<ScheduleException>(() => Service().Plan(Request(profile: profile, taskName: taskName))).Kind);
    }

    [Fact]
    public void A_credential_is_refused_where_the_scheduler_is_not_Task_Scheduler()
    {
        var request = Request();
        request.RunAs = new RunAsAccount("svc", SecureStrings.FromPlain("x"));
        var error = Assert.Throws<ScheduleException>(() => Service().Plan(request));
        Assert.Contains("Windows Task Scheduler only", error.Message);
    }

    [Fact]
    public async Task Unregister_by_profile_removes_only_that_profiles_schedules_that_were_confirmed()
    {
        var service = Service();
        foreach (var (profile, task) in new[] { ("acme", "acme"), ("acme", "acme-night"), ("acme", "acme-keep"), ("beta", "beta") })
            await service.RegisterAsync(service.Plan(Request(profile: profile, taskName: task)), CancellationToken.None);

        var removed = await service.UnregisterAsync(null, "acme", s => Task.FromResult(s.TaskName != "acme-keep"), CancellationToken.None);

        Assert.Equal(new[] { "acme", "acme-night" }, removed.Select(s => s.TaskName));
        Assert.Equal(new[] { "acme-keep", "beta" }, (await service.GetAsync(null, null, CancellationToken.None)).Select(s => s.TaskName));
    }

    [Fact]
    public async Task Unregistering_what_is_not_there_is_a_not_found_error()
    {
        var error = await Assert.ThrowsAsync<ScheduleException>(() => Service().UnregisterAsync("ghost", null, _ => Task.FromResult(true), CancellationToken.None));
        Assert.Equal(ScheduleErrorKind.NotFound, error.Kind);
        Assert.Contains("Get-SfLmsSchedule", error.Message);
    }

    [Fact]
    public async Task Register_unregister_leaves_an_existing_crontab_as_it_was()
    {
        const string before = "# mine\n0 1 * * * /bin/true\n";
        File.WriteAllText(_crontab, before);
        var service = Service();
        await service.RegisterAsync(service.Plan(Request()), CancellationToken.None);
        await service.UnregisterAsync("acme", null, _ => Task.FromResult(true), CancellationToken.None);
        Assert.Equal(before, File.ReadAllText(_crontab));
    }
}
