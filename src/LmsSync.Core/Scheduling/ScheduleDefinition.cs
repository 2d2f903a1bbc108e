using System;

namespace LmsSync.Core.Scheduling
{
    /// <summary>Everything a scheduler needs to register one schedule; each backend renders it in its own format.</summary>
    public sealed class ScheduleDefinition
    {
        /// <summary>Longest a run may take before the scheduler stops it (Task Scheduler, systemd).</summary>
        public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromHours(2);

        public ScheduleDefinition(string taskName, string profile, ScheduleTrigger trigger, ScheduledCommand command)
        {
            TaskName = ScheduleNames.ValidateTaskName(taskName);
            Profile = profile;
            Trigger = trigger;
            Command = command;
        }

        public string TaskName { get; }
        public string Profile { get; }
        public ScheduleTrigger Trigger { get; }
        public ScheduledCommand Command { get; }
        public TimeSpan TimeLimit { get; set; } = DefaultTimeLimit;

        /// <summary>The line stored in every artifact so the schedule reads back exactly (see <see cref="ScheduleTag"/>).</summary>
        public string Tag => ScheduleTag.Format(TaskName, Profile, Trigger);
    }
}
