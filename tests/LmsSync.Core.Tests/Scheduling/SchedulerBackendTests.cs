using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>The systemd, launchd and Task Scheduler backends against a fake command runner: exact files and exact commands.</summary>
public sealed class SchedulerBackendTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-sched-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Systemd_user_registration_writes_both_units_then_reloads_enables_and_restarts_the_timer()
    {
        var runner = new FakeCommandRunner();
        var systemd = new SystemdScheduler(runner, _folder, userMode: true, lingering: false);
        var definition = ScheduleFixtures.Unix("window");

        await systemd.RegisterAsync(definition, null, CancellationToken.None);

        Assert.Equal(SystemdUnits.Service(definition), File.ReadAllText(Path.Combine(_folder, "lmssync-acme.service")));
        Assert.Equal(SystemdUnits.Timer(definition), File.ReadAllText(Path.Combine(_folder, "lmssync-acme.timer")));
        Assert.Equal(new[]
        {
            "systemctl --user daemon-reload",
            "systemctl --user enable lmssync-acme.timer",
            "systemctl --user restart lmssync-acme.timer",
        }, runner.CommandLines);
        Assert.Contains(systemd.Warnings(definition, null), w => w.Contains("loginctl enable-linger"));
        Assert.EndsWith("Then run: systemctl --user daemon-reload; systemctl --user enable lmssync-acme.timer; systemctl --user restart lmssync-acme.timer", systemd.Describe(definition, null));
    }

    [Fact]
    public async Task Systemd_as_root_uses_system_units_without_user_flag_or_linger_warning()
    {
        var runner = new FakeCommandRunner();
        var systemd = new SystemdScheduler(runner, _folder, userMode: false, lingering: true);
        await systemd.RegisterAsync(ScheduleFixtures.Unix("daily"), null, CancellationToken.None);
        Assert.All(runner.CommandLines, c => Assert.DoesNotContain("--user", c));
        Assert.Empty(systemd.Warnings(ScheduleFixtures.Unix("daily"), null));
    }

    [Fact]
    public async Task Systemd_lists_only_its_own_tagged_timers_and_unregister_stops_deletes_and_reloads()
    {
        var runner = new FakeCommandRunner();
        var systemd = new SystemdScheduler(runner, _folder, userMode: true, lingering: true);
        await systemd.RegisterAsync(ScheduleFixtures.Unix("daily"), null, CancellationToken.None);
        File.WriteAllText(Path.Combine(_folder, "backup.timer"), "[Timer]\nOnCalendar=daily\n");
        File.WriteAllText(Path.Combine(_folder, "lmssync-handmade.timer"), "[Timer]\nOnCalendar=daily\n");
        runner.Calls.Clear();

        var found = await systemd.ListAsync(CancellationToken.None);
        Assert.Equal("acme", Assert.Single(found).Tag.TaskName);
        Assert.Equal(Path.Combine(_folder, "lmssync-acme.timer"), found[0].Location);

        Assert.True(await systemd.UnregisterAsync("acme", CancellationToken.None));
        Assert.Equal(new[] { "systemctl --user disable --now lmssync-acme.timer", "systemctl --user daemon-reload" }, runner.CommandLines);
        Assert.False(File.Exists(Path.Combine(_folder, "lmssync-acme.timer")));
        Assert.False(File.Exists(Path.Combine(_folder, "lmssync-acme.service")));
        Assert.True(File.Exists(Path.Combine(_folder, "backup.timer")));
        Assert.False(await systemd.UnregisterAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task A_systemctl_failure_is_a_scheduler_error_quoting_systemctl()
    {
        var runner = new FakeCommandRunner().When((p, a) => a.Contains("enable"), () => new CommandResult(1, "", "Failed to connect to bus: No medium found"));
        var error = await Assert.ThrowsAsync<ScheduleException>(() => new SystemdScheduler(runner, _folder, true, true).RegisterAsync(ScheduleFixtures.Unix("daily"), null, CancellationToken.None));
        Assert.Equal(ScheduleErrorKind.SchedulerFailed, error.Kind);
        Assert.Contains("Failed to connect to bus", error.Message);
    }

    [SystemdAnalyzeFact]
    public void Systemd_itself_reads_each_OnCalendar_expression_as_the_runs_the_trigger_computes()
    {
        var analyze = SystemdAnalyzeFactAttribute.Path;
        foreach (var trigger in ScheduleFixtures.Triggers.Values)
        {
            var expected = Enumerable.Range(0, 40).Aggregate((Now: new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), List: new System.Collections.Generic.List<string>()),
                (acc, _) => { var next = trigger.NextRun(acc.Now, TimeZoneInfo.Utc); acc.List.Add(next.ToString("yyyy-MM-dd HH:mm")); return (next, acc.List); }).List;
            var actual = SystemdUnits.OnCalendar(trigger)
                .SelectMany(calendar => SystemdElapses(analyze, calendar))
                .Distinct().OrderBy(t => t, StringComparer.Ordinal).Take(40).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [SystemdAnalyzeFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Systemd_itself_accepts_the_units_with_awkward_paths()
    {
        // systemd-analyze verify parses ExecStart= and checks its program exists: a quoting mistake shows up as
        // "Unbalanced quoting" or as a program path cut at the space.
        var pwsh = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "power shell $7 100%")).FullName, "pw sh");
        File.WriteAllText(pwsh, "#!/bin/sh\n");
        File.SetUnixFileMode(pwsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var awkward = ScheduleFixtures.UnixAwkwardPaths();
        var definition = new ScheduleDefinition(awkward.TaskName, awkward.Profile, awkward.Trigger, new ScheduledCommand(pwsh, awkward.Command.Arguments));
        var units = Directory.CreateDirectory(Path.Combine(_folder, "units")).FullName;
        File.WriteAllText(Path.Combine(units, "lmssync-ops.acme-eu.service"), SystemdUnits.Service(definition));
        File.WriteAllText(Path.Combine(units, "lmssync-ops.acme-eu.timer"), SystemdUnits.Timer(definition));

        var start = new System.Diagnostics.ProcessStartInfo(SystemdAnalyzeFactAttribute.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = units };
        foreach (var arg in new[] { "verify", "--man=no", "./lmssync-ops.acme-eu.service", "./lmssync-ops.acme-eu.timer" }) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && errors.Trim().Length == 0, errors);
    }

    [Fact]
    public async Task Launchd_registration_boots_out_the_old_job_then_bootstraps_the_plist()
    {
        var runner = new FakeCommandRunner().When((p, a) => a[0] == "bootout", () => new CommandResult(3, "", "Boot-out failed: 3: No such process"));
        var launchd = new LaunchdScheduler(runner, _folder, "gui/501");
        await launchd.RegisterAsync(ScheduleFixtures.Unix("daily"), null, CancellationToken.None);

        var plist = Path.Combine(_folder, "com.lmssync.acme.plist");
        Assert.Equal(LaunchdPlist.Render(ScheduleFixtures.Unix("daily")), File.ReadAllText(plist));
        Assert.Equal(new[] { "launchctl bootout gui/501/com.lmssync.acme", "launchctl bootstrap gui/501 " + plist }, runner.CommandLines);

        Assert.Equal("daily 02:00", Assert.Single(await launchd.ListAsync(CancellationToken.None)).Tag.Trigger.ToString());
        runner.Calls.Clear();
        Assert.True(await launchd.UnregisterAsync("acme", CancellationToken.None));
        Assert.Equal(new[] { "launchctl bootout gui/501/com.lmssync.acme" }, runner.CommandLines);
        Assert.False(File.Exists(plist));
    }

    [Fact]
    public void Launchd_calendar_entries_drop_the_hour_when_every_hour_runs_at_the_same_minutes()
    {
        var entries = LaunchdPlist.CalendarEntries(ScheduleTrigger.Interval(30));
        Assert.Equal(new[] { "Minute=0", "Minute=30" }, entries.Select(e => string.Join(",", e.Select(kv => kv.Key + "=" + kv.Value))));
        var weekend = LaunchdPlist.CalendarEntries(ScheduleFixtures.Triggers["daily-weekend"]);
        Assert.Equal(new[] { "Weekday=6,Hour=6,Minute=30", "Weekday=0,Hour=6,Minute=30" }, weekend.Select(e => string.Join(",", e.Select(kv => kv.Key + "=" + kv.Value))));
    }

    [Fact]
    public async Task Task_Scheduler_creates_from_xml_with_the_exact_schtasks_arguments_and_deletes_the_temp_file()
    {
        string? xmlSeen = null;
        var runner = new FakeCommandRunner().When((p, a) => a[0] == "/Create", () =>
        {
            xmlSeen = File.ReadAllText(Path.Combine(_folder, Directory.GetFiles(_folder).Single()), Encoding.Unicode);
            return new CommandResult(0, "SUCCESS: The scheduled task \"\\LmsSync\\acme\" has successfully been created.", "");
        });
        var scheduler = new TaskSchedulerScheduler(runner, () => new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), @"CONTOSO\ann", _folder);
        var definition = ScheduleFixtures.Windows("daily");

        await scheduler.RegisterAsync(definition, new RunAsAccount(@"CONTOSO\svc-lmssync", SecureStrings.FromPlain("pa ss\"word")), CancellationToken.None);

        var call = Assert.Single(runner.Calls);
        Assert.Equal("schtasks.exe", call.Program);
        Assert.Equal(new[] { "/Create", "/TN", @"\LmsSync\acme", "/XML", call.Arguments[4], "/F", "/RU", @"CONTOSO\svc-lmssync", "/RP", "pa ss\"word" }, call.Arguments);
        Assert.StartsWith(_folder, call.Arguments[4]);
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Contains("<LogonType>Password</LogonType>", xmlSeen);
        Assert.Contains(@"<UserId>CONTOSO\svc-lmssync</UserId>", xmlSeen);
        Assert.DoesNotContain("pa ss", xmlSeen);
    }

    [Fact]
    public void Task_Scheduler_without_a_credential_runs_as_the_current_user_while_logged_on_and_never_shows_a_password()
    {
        var scheduler = new TaskSchedulerScheduler(new FakeCommandRunner(), () => DateTimeOffset.Now, @"CONTOSO\ann", _folder);
        var definition = ScheduleFixtures.Windows("daily");
        Assert.Equal(new[] { "/Create", "/TN", @"\LmsSync\acme", "/XML", "x.xml", "/F" }, TaskSchedulerScheduler.CreateArguments("acme", "x.xml", null, null));
        Assert.Contains("<LogonType>InteractiveToken</LogonType>", scheduler.Xml(definition, null));
        Assert.Contains(scheduler.Warnings(definition, null), w => w.Contains("-Credential"));
        var described = scheduler.Describe(definition, new RunAsAccount("svc", SecureStrings.FromPlain("hunter2")));
        Assert.Contains("/RP ********", described);
        Assert.DoesNotContain("hunter2", described);
    }

    [Fact]
    public async Task Task_Scheduler_lists_the_LmsSync_folder_reads_each_task_back_and_deletes_by_path()
    {
        var xml = TaskSchedulerXml.Render(ScheduleFixtures.Windows("window"), ScheduleFixtures.RegistrationDay, ScheduleFixtures.Principal);
        var runner = new FakeCommandRunner()
            .When((p, a) => a.SequenceEqual(TaskSchedulerScheduler.ListArguments()), () => new CommandResult(0,
                "\r\n\"\\Microsoft\\Windows\\Defrag\\ScheduledDefrag\",\"N/A\",\"Ready\"\r\n\"\\LmsSync\\acme\",\"3/2/2026 8:45:00 AM\",\"Ready\"\r\n\"\\LmsSync\\acme\",\"3/2/2026 8:45:00 AM\",\"Ready\"\r\n\"\\LmsSync\\Sub\\x\",\"N/A\",\"Ready\"\r\n", ""))
            .When((p, a) => a[0] == "/Query" && a.Contains("/XML"), () => new CommandResult(0, xml, ""));
        var scheduler = new TaskSchedulerScheduler(runner, () => DateTimeOffset.Now, @"CONTOSO\ann", _folder);

        var found = Assert.Single(await scheduler.ListAsync(CancellationToken.None));
        Assert.Equal((@"\LmsSync\acme", "every 45m 08:00-18:00"), (found.Location, found.Tag.Trigger.ToString()));
        Assert.Contains(@"schtasks.exe /Query /TN \LmsSync\acme /XML", runner.CommandLines);

        runner.Calls.Clear();
        Assert.True(await scheduler.UnregisterAsync("acme", CancellationToken.None));
        Assert.Equal(@"schtasks.exe /Delete /TN \LmsSync\acme /F", runner.CommandLines.Last());
        Assert.False(await scheduler.UnregisterAsync("other", CancellationToken.None));
    }

    [Theory]
    [InlineData("every 120m 08:00-09:00", null, null)]               // one run in the window: no repetition at all
    [InlineData("every 60m 08:00-18:00", "PT1H", "PT10H")]            // Duration = Stop − Start; the 18:00 run is inside it
    [InlineData("every 90m 08:00-24:00", "PT1H30M", "PT15H59M")]       // 24:00 means through 23:59
    [InlineData("every 1440m", null, null)]
    public void Task_Scheduler_repetition_covers_the_window_exactly(string trigger, string? interval, string? duration)
    {
        var definition = new ScheduleDefinition("acme", "acme", ScheduleTrigger.Parse(trigger), ScheduleFixtures.Windows("daily").Command);
        var xml = System.Xml.Linq.XDocument.Parse(TaskSchedulerXml.Render(definition, ScheduleFixtures.RegistrationDay, ScheduleFixtures.Principal));
        System.Xml.Linq.XNamespace ns = TaskSchedulerXml.Namespace;
        var repetition = xml.Descendants(ns + "Repetition").SingleOrDefault();
        Assert.Equal(interval, repetition?.Element(ns + "Interval")?.Value);
        Assert.Equal(duration, repetition?.Element(ns + "Duration")?.Value);
    }

    [Theory]
    [InlineData(false, false, true, false, true, null, SchedulerKind.Systemd)]  // a user whose systemd user manager runs
    [InlineData(false, false, true, true, false, null, SchedulerKind.Systemd)]  // root: system units
    [InlineData(false, false, true, false, false, null, SchedulerKind.Cron)]    // systemd, but no user manager (no session, no linger)
    [InlineData(false, false, false, false, false, null, SchedulerKind.Cron)]   // no systemd
    [InlineData(false, false, true, false, true, "/tmp/tab", SchedulerKind.Cron)] // the crontab-file override wins
    [InlineData(true, false, false, false, false, null, SchedulerKind.TaskScheduler)]
    [InlineData(false, true, false, false, false, null, SchedulerKind.Launchd)]
    [InlineData(true, false, false, false, false, "/tmp/tab", SchedulerKind.Cron)]
    public void The_scheduler_is_chosen_from_the_platform(bool windows, bool mac, bool systemd, bool root, bool userManager, string? crontabFile, SchedulerKind expected)
    {
        var environment = new SchedulerEnvironment { IsWindows = windows, IsMacOS = mac, SystemdRunning = systemd, IsRoot = root, SystemdUserManagerRunning = userManager, CrontabFileOverride = crontabFile };
        Assert.Equal(expected, environment.Choose());
    }

    [UnixFact]
    public void This_machine_is_read_without_error_and_root_is_uid_0()
    {
        var machine = SchedulerEnvironment.FromMachine();
        Assert.Equal(Environment.UserName == "root", machine.IsRoot);
        Assert.Equal(Directory.Exists("/run/systemd/system"), machine.SystemdRunning);
        Assert.IsType<SchedulerKind>(machine.Choose());
    }

    private static System.Collections.Generic.IEnumerable<string> SystemdElapses(string analyze, string calendar)
    {
        var start = new System.Diagnostics.ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "calendar", "--iterations=40", "--base-time=2026-03-02 00:00:00 UTC", calendar }) start.ArgumentList.Add(arg);
        start.Environment["TZ"] = "UTC";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, calendar + ": " + process.StandardError.ReadToEnd());
        return output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("Next elapse:", StringComparison.Ordinal) || l.StartsWith("Iter.", StringComparison.Ordinal))
            .Select(l => l.Substring(l.IndexOf(':') + 1).Trim()) // "Mon 2026-03-02 08:00:00 UTC"
            .Select(l => l.Substring(4, 16));
    }
}
