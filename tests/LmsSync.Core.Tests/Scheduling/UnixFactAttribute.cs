using System;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>A test that runs real Unix programs (sh, printf); reported as skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Needs /bin/sh and printf.";
    }
}

/// <summary>A test that asks systemd-analyze (which parses calendars without a running systemd); skipped where it is absent.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/systemd-analyze";

    public SystemdAnalyzeFactAttribute()
    {
        if (!System.IO.File.Exists(Path)) Skip = "systemd-analyze is not installed here.";
    }
}
