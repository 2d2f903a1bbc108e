using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A task in the Task Scheduler folder \LmsSync\, created from task XML with <c>schtasks.exe /Create /XML … /F</c>
    /// (/F replaces a task of the same name). With -Credential, /RU and /RP give the account; the password is
    /// passed only to schtasks (whose command line only that user and administrators can read) and never written
    /// to a file or message.
    /// </summary>
    public sealed class TaskSchedulerScheduler : IScheduler
    {
        private const string Schtasks = "schtasks.exe";

        private readonly ICommandRunner _runner;
        private readonly Func<DateTimeOffset> _clock;
        private readonly string _currentUser;
        private readonly string _tempFolder;

        /// <param name="currentUser">DOMAIN\user who registers; the task runs as them unless -Credential is given.</param>
        public TaskSchedulerScheduler(ICommandRunner runner, Func<DateTimeOffset> clock, string currentUser, string tempFolder)
        {
            _runner = runner;
            _clock = clock;
            _currentUser = currentUser;
            _tempFolder = tempFolder;
        }

        public SchedulerKind Kind => SchedulerKind.TaskScheduler;

        public string Describe(ScheduleDefinition definition, RunAsAccount? runAs) =>
            "Run: " + Schtasks + " " + string.Join(" ", CreateArguments(definition.TaskName, "<this XML in a temporary file>", runAs?.UserName, runAs == null ? null : "********").Select(Quoting.WindowsArgument))
            + "\n" + Xml(definition, runAs);

        public IEnumerable<string> Warnings(ScheduleDefinition definition, RunAsAccount? runAs)
        {
            if (runAs == null)
                yield return "Without -Credential the task runs only while " + _currentUser + " is logged on. Give -Credential to run it whether or not anyone is logged on.";
        }

        public async Task RegisterAsync(ScheduleDefinition definition, RunAsAccount? runAs, CancellationToken cancellationToken)
        {
            var xmlPath = Path.Combine(_tempFolder, "lmssync-task-" + Guid.NewGuid().ToString("N") + ".xml");
            // schtasks reads the task XML as UTF-16, the encoding its own exports use.
            File.WriteAllText(xmlPath, Xml(definition, runAs), Encoding.Unicode);
            try
            {
                var password = runAs == null ? null : SecureStrings.ToPlain(runAs.Password);
                await _runner.RunCheckedAsync(Schtasks, "create the task", CreateArguments(definition.TaskName, xmlPath, runAs?.UserName, password), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(xmlPath);
            }
        }

        public async Task<IReadOnlyList<FoundSchedule>> ListAsync(CancellationToken cancellationToken)
        {
            var found = new List<FoundSchedule>();
            foreach (var taskPath in await TaskPathsAsync(cancellationToken).ConfigureAwait(false))
            {
                var xml = await _runner.RunCheckedAsync(Schtasks, "read the task", new[] { "/Query", "/TN", taskPath, "/XML" }, cancellationToken).ConfigureAwait(false);
                // schtasks may write its XML export as UTF-16; read through a UTF-8/ANSI decoder that leaves NULs
                // between the ASCII characters the tag is made of, so drop them before looking.
                var tag = ScheduleTag.Find(xml.Output.Replace("\0", ""));
                if (tag != null) found.Add(new FoundSchedule(tag, taskPath));
            }
            return found;
        }

        public async Task<bool> UnregisterAsync(string taskName, CancellationToken cancellationToken)
        {
            var taskPath = ScheduleNames.WindowsTaskPath(taskName);
            var existing = await TaskPathsAsync(cancellationToken).ConfigureAwait(false);
            if (!existing.Contains(taskPath, StringComparer.OrdinalIgnoreCase)) return false;
            await _runner.RunCheckedAsync(Schtasks, "delete the task", DeleteArguments(taskName), cancellationToken).ConfigureAwait(false);
            return true;
        }

        public string Xml(ScheduleDefinition definition, RunAsAccount? runAs) =>
            TaskSchedulerXml.Render(definition, _clock().LocalDateTime.Date, new WindowsPrincipal(runAs?.UserName ?? _currentUser, runAs != null));

        public static IReadOnlyList<string> CreateArguments(string taskName, string xmlPath, string? user, string? password)
        {
            var args = new List<string> { "/Create", "/TN", ScheduleNames.WindowsTaskPath(taskName), "/XML", xmlPath, "/F" };
            if (user != null) args.AddRange(new[] { "/RU", user, "/RP", password ?? "" });
            return args;
        }

        public static IReadOnlyList<string> DeleteArguments(string taskName) => new[] { "/Delete", "/TN", ScheduleNames.WindowsTaskPath(taskName), "/F" };

        public static IReadOnlyList<string> ListArguments() => new[] { "/Query", "/FO", "CSV", "/NH" };

        /// <summary>The tasks under \LmsSync\, from the first CSV column of <c>schtasks /Query /FO CSV /NH</c> (not localized).</summary>
        private async Task<IReadOnlyList<string>> TaskPathsAsync(CancellationToken cancellationToken)
        {
            var result = await _runner.RunCheckedAsync(Schtasks, "list tasks", ListArguments(), cancellationToken).ConfigureAwait(false);
            return result.Output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("\"", StringComparison.Ordinal))
                .Select(line => line.Substring(1, Math.Max(0, line.IndexOf('"', 1) - 1)))
                .Where(path => path.StartsWith(ScheduleNames.WindowsFolder, StringComparison.OrdinalIgnoreCase) && path.IndexOf('\\', ScheduleNames.WindowsFolder.Length) < 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }
}
