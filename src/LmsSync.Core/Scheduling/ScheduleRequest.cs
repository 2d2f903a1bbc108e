using System.Collections.Generic;

namespace LmsSync.Core.Scheduling
{
    /// <summary>What Register-SfLmsSchedule was asked for, plus the running session's PowerShell and module paths.</summary>
    public sealed class ScheduleRequest
    {
        public string Profile { get; set; } = Storage.ProfileName.Default;
        public ScheduleTrigger Trigger { get; set; } = ScheduleTrigger.Daily(TimeOfDay.Midnight);

        /// <summary>Defaults to the profile name.</summary>
        public string? TaskName { get; set; }

        /// <summary>Windows only: the account the task runs as.</summary>
        public RunAsAccount? RunAs { get; set; }

        /// <summary>The pwsh (or powershell.exe) of the session that registers, so the run uses the same edition.</summary>
        public string PowerShellPath { get; set; } = "";

        /// <summary>The LmsSync.psd1 the session imported.</summary>
        public string ModuleManifestPath { get; set; } = "";
    }

    /// <summary>A registration worked out but not yet done: what -WhatIf shows, and what RegisterAsync applies.</summary>
    public sealed class SchedulePlan
    {
        internal SchedulePlan(ScheduleDefinition definition, RunAsAccount? runAs, SchedulerKind scheduler, string description, IReadOnlyList<string> warnings)
        {
            Definition = definition;
            RunAs = runAs;
            Scheduler = scheduler;
            Description = description;
            Warnings = warnings;
        }

        public ScheduleDefinition Definition { get; }
        internal RunAsAccount? RunAs { get; }
        public SchedulerKind Scheduler { get; }

        /// <summary>The exact definition and the commands that register it.</summary>
        public string Description { get; }

        public IReadOnlyList<string> Warnings { get; }
    }
}
