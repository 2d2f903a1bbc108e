using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>The trigger forms and paths the golden files are made from.</summary>
internal static class ScheduleFixtures
{
    public static readonly IReadOnlyDictionary<string, ScheduleTrigger> Triggers = new Dictionary<string, ScheduleTrigger>
    {
        ["daily"] = ScheduleTrigger.Daily(TimeOfDay.Parse("02:00")),
        ["daily-weekend"] = ScheduleTrigger.Daily(TimeOfDay.Parse("06:30"), new[] { DayOfWeek.Sunday, DayOfWeek.Saturday }),
        ["interval"] = ScheduleTrigger.Interval(60),
        ["window"] = ScheduleTrigger.Interval(45, TimeOfDay.Parse("08:00"), TimeOfDay.Parse("18:00")),
        ["window-weekdays"] = ScheduleTrigger.Interval(45, TimeOfDay.Parse("08:00"), TimeOfDay.Parse("18:00"),
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }),
    };

    public static ScheduleDefinition Unix(string trigger) => new("acme", "acme", Triggers[trigger], ScheduledCommand.ForSync(new ScheduledCommandInputs
    {
        PowerShellPath = "/opt/microsoft/powershell/7/pwsh",
        ModuleManifestPath = "/opt/lmssync/LmsSync.psd1",
        Profile = "acme",
        LogFile = "/home/ann/.local/share/lmssync/profiles/acme/logs/scheduled.log",
    }));

    public static ScheduleDefinition Windows(string trigger) => new("acme", "acme", Triggers[trigger], ScheduledCommand.ForSync(new ScheduledCommandInputs
    {
        PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
        ModuleManifestPath = @"C:\Program Files\PowerShell\Modules\LmsSync\LmsSync.psd1",
        Profile = "acme",
        LogFile = @"C:\Users\ann\AppData\Local\LmsSync\profiles\acme\logs\scheduled.log",
        ForWindows = true,
    }));

    /// <summary>Spaces, both quote kinds, a typographic quote, '%', '$', a backslash before '%', and LMSSYNC_HOME pinned.</summary>
    public static ScheduleDefinition UnixAwkwardPaths() => new("ops.acme-eu", "acme-eu", Triggers["window"], ScheduledCommand.ForSync(new ScheduledCommandInputs
    {
        PowerShellPath = "/opt/power shell/7/pwsh",
        ModuleManifestPath = "/home/o'brien/my \"mods\"/100% $HOME/o\u2019neil\\%x/LmsSync.psd1",
        Profile = "acme-eu",
        LogFile = "/home/o'brien/Lms Sync/profiles/acme-eu/logs/scheduled.log",
        HomeOverride = "/home/o'brien/Lms Sync",
    }));

    public static ScheduleDefinition WindowsAwkwardPaths() => new("ops.acme-eu", "acme-eu", Triggers["window"], ScheduledCommand.ForSync(new ScheduledCommandInputs
    {
        PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
        ModuleManifestPath = @"C:\Users\O'Brien\My Modules & <Tools>\100% done\LmsSync\LmsSync.psd1",
        Profile = "acme-eu",
        LogFile = @"C:\Users\O'Brien\AppData\Local\LmsSync\profiles\acme-eu\logs\scheduled.log",
        HomeOverride = @"D:\Lms Sync\",
        ForWindows = true,
    }));

    public static readonly WindowsPrincipal Principal = new(@"CONTOSO\ann", withPassword: false);
    public static readonly DateTime RegistrationDay = new(2026, 3, 2);

    public static string GoldenFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
