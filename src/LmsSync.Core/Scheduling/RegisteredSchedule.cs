using System;

namespace LmsSync.Core.Scheduling
{
    /// <summary>A schedule as the platform scheduler holds it, with its next run and the profile's last run (Get-SfLmsSchedule).</summary>
    public sealed class RegisteredSchedule
    {
        public string TaskName { get; set; } = "";
        public string Profile { get; set; } = "";
        public ScheduleTrigger Trigger { get; set; } = ScheduleTrigger.Daily(TimeOfDay.Midnight);
        public SchedulerKind Scheduler { get; set; }

        /// <summary>The task path, unit file, crontab or plist that holds it.</summary>
        public string Location { get; set; } = "";

        public DateTimeOffset NextRun { get; set; }

        /// <summary>When the profile's last run started (scheduled or by hand), from its run history; null if it never ran.</summary>
        public DateTimeOffset? LastRun { get; set; }

        public RunStatus? LastStatus { get; set; }
        public ScheduleExitCode? LastExitCode => LastStatus.HasValue ? ScheduleExitCodes.For(LastStatus.Value) : (ScheduleExitCode?)null;
        public string? LastRunId { get; set; }

        public override string ToString() => TaskName + " (" + Trigger + ")";
    }
}
