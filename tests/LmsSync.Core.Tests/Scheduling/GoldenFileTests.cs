using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>
/// Every generated artifact, for every trigger form and for awkward paths, compared byte for byte with the
/// committed files in Golden/. To accept a deliberate change, run once with LMSSYNC_UPDATE_GOLDEN=1 and
/// review the diff before committing it.
/// </summary>
public sealed class GoldenFileTests
{
    public static IEnumerable<object[]> Cases() =>
        ScheduleFixtures.Triggers.Keys.Select(k => new object[] { k }).Concat(new[] { new object[] { "awkward-paths" } });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Task_Scheduler_xml(string name)
    {
        var definition = name == "awkward-paths" ? ScheduleFixtures.WindowsAwkwardPaths() : ScheduleFixtures.Windows(name);
        Golden(name + ".task.xml", TaskSchedulerXml.Render(definition, ScheduleFixtures.RegistrationDay, ScheduleFixtures.Principal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Systemd_service_and_timer(string name)
    {
        var definition = UnixDefinition(name);
        Golden(name + ".service", SystemdUnits.Service(definition));
        Golden(name + ".timer", SystemdUnits.Timer(definition));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Crontab_block(string name) => Golden(name + ".crontab", CrontabBlock.Render(UnixDefinition(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Launchd_plist(string name) => Golden(name + ".plist", LaunchdPlist.Render(UnixDefinition(name)));

    private static ScheduleDefinition UnixDefinition(string name) => name == "awkward-paths" ? ScheduleFixtures.UnixAwkwardPaths() : ScheduleFixtures.Unix(name);

    private static void Golden(string fileName, string actual)
    {
        var path = Path.Combine(ScheduleFixtures.GoldenFolder(), fileName);
        if (Environment.GetEnvironmentVariable("LMSSYNC_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        Assert.True(File.Exists(path), $"{path} is missing; run with LMSSYNC_UPDATE_GOLDEN=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path, new UTF8Encoding(false)), actual);
    }
}
