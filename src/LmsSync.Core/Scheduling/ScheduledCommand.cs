using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Scheduling
{
    /// <summary>The program a schedule starts and its arguments, before any scheduler-specific quoting.</summary>
    public sealed class ScheduledCommand
    {
        public ScheduledCommand(string executable, IReadOnlyList<string> arguments)
        {
            Executable = executable;
            Arguments = arguments;
        }

        public string Executable { get; }
        public IReadOnlyList<string> Arguments { get; }

        /// <summary>Executable and arguments as one list (argv).</summary>
        public IReadOnlyList<string> Argv => new[] { Executable }.Concat(Arguments).ToList();

        /// <summary>
        /// The scheduled run: the PowerShell edition that registered it, without profile scripts or prompts,
        /// importing this module by its path and calling Invoke-SfLmsSync -ExitWithStatus, which ends the
        /// process with the <see cref="ScheduleExitCode"/> of the run. Everything the run writes (all
        /// streams) is appended to the log file by PowerShell's own redirection, the one mechanism that
        /// works the same under Task Scheduler (no shell), systemd, cron and launchd. A failed import is a
        /// terminating error, so the process exits 1 (Failed).
        /// </summary>
        public static ScheduledCommand ForSync(ScheduledCommandInputs inputs)
        {
            Quoting.RequireNoControlCharacters(inputs.PowerShellPath, "PowerShell path");
            Quoting.RequireNoControlCharacters(inputs.ModuleManifestPath, "module path");
            Quoting.RequireNoControlCharacters(inputs.LogFile, "log file path");
            if (inputs.HomeOverride != null) Quoting.RequireNoControlCharacters(inputs.HomeOverride, "LMSSYNC_HOME path");

            var script = "& { Import-Module -Name " + Quoting.PowerShellLiteral(inputs.ModuleManifestPath) + " -ErrorAction Stop; "
                + "Invoke-SfLmsSync -Profile " + Quoting.PowerShellLiteral(inputs.Profile) + " -ExitWithStatus } *>> " + Quoting.PowerShellLiteral(inputs.LogFile);
            // The run must find the same profiles the schedule was registered against.
            if (inputs.HomeOverride != null)
                script = "$env:LMSSYNC_HOME = " + Quoting.PowerShellLiteral(inputs.HomeOverride) + "; " + script;

            var arguments = new List<string> { "-NoProfile", "-NonInteractive" };
            // Windows PowerShell's default policy (Restricted) would refuse the module's format file.
            if (inputs.ForWindows) arguments.AddRange(new[] { "-ExecutionPolicy", "Bypass" });
            arguments.Add("-Command");
            arguments.Add(script);
            return new ScheduledCommand(inputs.PowerShellPath, arguments);
        }
    }

    /// <summary>What the scheduled command is made of; the PowerShell layer supplies the paths of the running session.</summary>
    public sealed class ScheduledCommandInputs
    {
        public string PowerShellPath { get; set; } = "";
        public string ModuleManifestPath { get; set; } = "";
        public string Profile { get; set; } = "";
        public string LogFile { get; set; } = "";

        /// <summary>LMSSYNC_HOME as set when registering (null when the default location is used).</summary>
        public string? HomeOverride { get; set; }

        public bool ForWindows { get; set; }
    }
}
