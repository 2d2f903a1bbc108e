using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A launchd job: as a user, an agent in ~/Library/LaunchAgents loaded into gui/&lt;uid&gt;; as root, a
    /// daemon in /Library/LaunchDaemons loaded into the system domain. Loaded with launchctl bootstrap,
    /// removed with bootout (the modern forms of load -w / unload -w).
    /// </summary>
    public sealed class LaunchdScheduler : IScheduler
    {
        private readonly ICommandRunner _runner;
        private readonly string _folder;
        private readonly string _domain;

        /// <param name="domain">"gui/501" for a user's agent, "system" for a daemon.</param>
        public LaunchdScheduler(ICommandRunner runner, string folder, string domain)
        {
            _runner = runner;
            _folder = folder;
            _domain = domain;
        }

        public SchedulerKind Kind => SchedulerKind.Launchd;

        public string Describe(ScheduleDefinition definition, RunAsAccount? runAs) =>
            "Write " + PlistPath(definition.TaskName) + ":\n" + LaunchdPlist.Render(definition)
            + "\nThen run: launchctl bootout " + Target(definition.TaskName) + "; launchctl bootstrap " + _domain + " " + PlistPath(definition.TaskName);

        public IEnumerable<string> Warnings(ScheduleDefinition definition, RunAsAccount? runAs) => Enumerable.Empty<string>();

        public async Task RegisterAsync(ScheduleDefinition definition, RunAsAccount? runAs, CancellationToken cancellationToken)
        {
            AtomicFile.WriteAllText(PlistPath(definition.TaskName), LaunchdPlist.Render(definition));
            // Unload the previous definition, if any (failing when none is loaded is expected), then load the new one.
            await _runner.RunAsync("launchctl", new[] { "bootout", Target(definition.TaskName) }, null, cancellationToken).ConfigureAwait(false);
            await _runner.RunCheckedAsync("launchctl", "load the job", new[] { "bootstrap", _domain, PlistPath(definition.TaskName) }, cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<FoundSchedule>> ListAsync(CancellationToken cancellationToken)
        {
            return Task.FromResult(FoundSchedule.InFolder(_folder, ScheduleNames.LaunchdPrefix + "*.plist"));
        }

        public async Task<bool> UnregisterAsync(string taskName, CancellationToken cancellationToken)
        {
            var path = PlistPath(taskName);
            if (!File.Exists(path)) return false;
            await _runner.RunAsync("launchctl", new[] { "bootout", Target(taskName) }, null, cancellationToken).ConfigureAwait(false);
            File.Delete(path);
            return true;
        }

        private string Target(string taskName) => _domain + "/" + ScheduleNames.LaunchdLabel(taskName);
        private string PlistPath(string taskName) => Path.Combine(_folder, ScheduleNames.LaunchdLabel(taskName) + ".plist");
    }
}
