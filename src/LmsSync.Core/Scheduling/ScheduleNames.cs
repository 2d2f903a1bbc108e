using System;
using System.Linq;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A schedule's task name, and the name each scheduler knows it by. Task names use the profile-name
    /// alphabet (letters, digits, '-', '_', '.') so they are valid, unescaped, in a systemd unit name, a
    /// launchd label, a Task Scheduler path and a crontab marker. The default task name is the profile name.
    /// </summary>
    public static class ScheduleNames
    {
        public const string WindowsFolder = @"\LmsSync\";
        public const string SystemdPrefix = "lmssync-";
        public const string LaunchdPrefix = "com.lmssync.";

        public static string ValidateTaskName(string name)
        {
            var trimmed = (name ?? "").Trim();
            if (trimmed.Length == 0 || trimmed.Length > 64 || trimmed.StartsWith(".", StringComparison.Ordinal) || !trimmed.All(IsAllowed))
                throw new ScheduleException(ScheduleErrorKind.Invalid, $"Task name '{name}' is not allowed: use up to 64 letters, digits, '-', '_' or '.', not starting with '.'.");
            return trimmed;
        }

        public static string WindowsTaskPath(string taskName) => WindowsFolder + taskName;
        public static string SystemdUnit(string taskName, string suffix) => SystemdPrefix + taskName + suffix;
        public static string LaunchdLabel(string taskName) => LaunchdPrefix + taskName;
        public static string CronBegin(string taskName) => "# BEGIN LmsSync " + taskName;
        public static string CronEnd(string taskName) => "# END LmsSync " + taskName;

        private static bool IsAllowed(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }
}
