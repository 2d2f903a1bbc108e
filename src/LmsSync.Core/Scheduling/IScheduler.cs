using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Scheduling
{
    public enum SchedulerKind
    {
        TaskScheduler,
        Systemd,
        Cron,
        Launchd,
    }

    /// <summary>A schedule as found in the platform scheduler.</summary>
    public sealed class FoundSchedule
    {
        public FoundSchedule(ScheduleTag tag, string location)
        {
            Tag = tag;
            Location = location;
        }

        public ScheduleTag Tag { get; }

        /// <summary>Where it lives: the task path, the timer unit file, the crontab, the plist.</summary>
        public string Location { get; }
    }

    /// <summary>The account a Windows task runs as (-Credential).</summary>
    public sealed class RunAsAccount
    {
        public RunAsAccount(string userName, SecureString password)
        {
            UserName = userName;
            Password = password;
        }

        public string UserName { get; }
        public SecureString Password { get; }
    }

    /// <summary>One platform scheduler. Registering an existing task name replaces it.</summary>
    public interface IScheduler
    {
        SchedulerKind Kind { get; }

        /// <summary>The exact definition it would register, and how (for -WhatIf and -Verbose).</summary>
        string Describe(ScheduleDefinition definition, RunAsAccount? runAs);

        /// <summary>Things the user should know before relying on the schedule (e.g. user timers need lingering).</summary>
        IEnumerable<string> Warnings(ScheduleDefinition definition, RunAsAccount? runAs);

        Task RegisterAsync(ScheduleDefinition definition, RunAsAccount? runAs, CancellationToken cancellationToken);

        Task<IReadOnlyList<FoundSchedule>> ListAsync(CancellationToken cancellationToken);

        /// <summary>False when no schedule by that name was registered.</summary>
        Task<bool> UnregisterAsync(string taskName, CancellationToken cancellationToken);
    }
}
