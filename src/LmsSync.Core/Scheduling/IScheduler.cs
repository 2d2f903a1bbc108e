using System.Collections.Generic;
using System.IO;
using System.Linq;
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
        /// <summary>The schedules this module wrote into <paramref name="folder"/>: files matching the pattern that carry its tag, by path.</summary>
        public static IReadOnlyList<FoundSchedule> InFolder(string folder, string searchPattern) =>
            !Directory.Exists(folder)
                ? new List<FoundSchedule>()
                : Directory.GetFiles(folder, searchPattern)
                    .OrderBy(p => p, System.StringComparer.Ordinal)
                    .Select(path => (Path: path, Tag: ScheduleTag.Find(File.ReadAllText(path))))
                    .Where(t => t.Tag != null)
                    .Select(t => new FoundSchedule(t.Tag!, t.Path))
                    .ToList();

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
