using System;
using System.IO;
using System.Runtime.InteropServices;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// The facts that choose a scheduler, gathered once from the machine (<see cref="FromMachine"/>) or set by
    /// tests. Choice, in order: LMSSYNC_CRONTAB_FILE set → cron into that file; Windows → Task Scheduler;
    /// macOS → launchd; systemd running (/run/systemd/system exists) and, for a normal user, the user's
    /// systemd manager running ($XDG_RUNTIME_DIR/systemd exists) → systemd timer; otherwise → cron.
    /// </summary>
    public sealed class SchedulerEnvironment
    {
        public bool IsWindows { get; set; }
        public bool IsMacOS { get; set; }
        public bool SystemdRunning { get; set; }
        public bool SystemdUserManagerRunning { get; set; }
        public bool IsRoot { get; set; }
        public uint UserId { get; set; }
        public string UserName { get; set; } = "";
        public string HomeFolder { get; set; } = "";
        public string ConfigHome { get; set; } = "";
        public string TempFolder { get; set; } = "";
        public string? CrontabFileOverride { get; set; }

        /// <summary>True when systemd's linger flag file exists for the user (their timers run without a login).</summary>
        public bool Lingering { get; set; }

        public SchedulerKind Choose()
        {
            if (!string.IsNullOrEmpty(CrontabFileOverride)) return SchedulerKind.Cron;
            if (IsWindows) return SchedulerKind.TaskScheduler;
            if (IsMacOS) return SchedulerKind.Launchd;
            if (SystemdRunning && (IsRoot || SystemdUserManagerRunning)) return SchedulerKind.Systemd;
            return SchedulerKind.Cron;
        }

        public static SchedulerEnvironment FromMachine()
        {
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var uid = windows ? 0u : Unix.GetUserId();
            var runtimeDir = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
            if (string.IsNullOrEmpty(runtimeDir)) runtimeDir = "/run/user/" + uid;
            var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            return new SchedulerEnvironment
            {
                IsWindows = windows,
                IsMacOS = RuntimeInformation.IsOSPlatform(OSPlatform.OSX),
                SystemdRunning = !windows && Directory.Exists("/run/systemd/system"),
                SystemdUserManagerRunning = !windows && Directory.Exists(Path.Combine(runtimeDir!, "systemd")),
                IsRoot = !windows && uid == 0,
                UserId = uid,
                UserName = windows ? Environment.UserDomainName + "\\" + Environment.UserName : Environment.UserName,
                HomeFolder = home,
                ConfigHome = string.IsNullOrEmpty(configHome) ? Path.Combine(home, ".config") : configHome!,
                TempFolder = Path.GetTempPath(),
                CrontabFileOverride = Environment.GetEnvironmentVariable(CrontabFile.OverrideVariable),
                Lingering = !windows && File.Exists("/var/lib/systemd/linger/" + Environment.UserName),
            };
        }

        /// <summary>The scheduler these facts choose, talking to the machine through <paramref name="runner"/>.</summary>
        public IScheduler CreateScheduler(ICommandRunner runner, Func<DateTimeOffset> clock)
        {
            switch (Choose())
            {
                case SchedulerKind.TaskScheduler:
                    return new TaskSchedulerScheduler(runner, clock, UserName, TempFolder);
                case SchedulerKind.Launchd:
                    return IsRoot
                        ? new LaunchdScheduler(runner, "/Library/LaunchDaemons", "system")
                        : new LaunchdScheduler(runner, Path.Combine(HomeFolder, "Library", "LaunchAgents"), "gui/" + UserId);
                case SchedulerKind.Systemd:
                    return IsRoot
                        ? new SystemdScheduler(runner, "/etc/systemd/system", userMode: false, lingering: true)
                        : new SystemdScheduler(runner, Path.Combine(ConfigHome, "systemd", "user"), userMode: true, lingering: Lingering);
                default:
                    return new CronScheduler(string.IsNullOrEmpty(CrontabFileOverride) ? (ICrontabStore)new CrontabProgram(runner) : new CrontabFile(CrontabFileOverride!));
            }
        }
    }

    internal static class Unix
    {
        public static uint GetUserId() => getuid();

        [DllImport("libc")]
        private static extern uint getuid();
    }
}
