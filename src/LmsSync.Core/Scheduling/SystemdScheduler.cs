using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A timer and a service unit. As a normal user: user units in ~/.config/systemd/user, managed with
    /// <c>systemctl --user</c>, running as that user (the one whose profile and secrets the run reads). As
    /// root: system units in /etc/systemd/system, managed with <c>systemctl</c>, running as root.
    /// </summary>
    public sealed class SystemdScheduler : IScheduler
    {
        private readonly ICommandRunner _runner;
        private readonly string _unitFolder;
        private readonly bool _userMode;
        private readonly bool _lingering;

        /// <param name="lingering">Whether the user's manager keeps running without a login session (loginctl enable-linger).</param>
        public SystemdScheduler(ICommandRunner runner, string unitFolder, bool userMode, bool lingering)
        {
            _runner = runner;
            _unitFolder = unitFolder;
            _userMode = userMode;
            _lingering = lingering;
        }

        public SchedulerKind Kind => SchedulerKind.Systemd;

        public string Describe(ScheduleDefinition definition, RunAsAccount? runAs)
        {
            var timer = ScheduleNames.SystemdUnit(definition.TaskName, ".timer");
            return "Write " + ServicePath(definition.TaskName) + ":\n" + SystemdUnits.Service(definition)
                + "\nWrite " + TimerPath(definition.TaskName) + ":\n" + SystemdUnits.Timer(definition)
                + "\nThen run: " + string.Join("; ", RegisterCommands(timer).Select(args => "systemctl " + string.Join(" ", Systemctl(args))));
        }

        public IEnumerable<string> Warnings(ScheduleDefinition definition, RunAsAccount? runAs)
        {
            if (_userMode && !_lingering)
                yield return "Your systemd user timers run only while you are logged in. To run them after a reboot without logging in, run: loginctl enable-linger";
        }

        public async Task RegisterAsync(ScheduleDefinition definition, RunAsAccount? runAs, CancellationToken cancellationToken)
        {
            AtomicFile.WriteAllText(ServicePath(definition.TaskName), SystemdUnits.Service(definition));
            AtomicFile.WriteAllText(TimerPath(definition.TaskName), SystemdUnits.Timer(definition));
            foreach (var args in RegisterCommands(ScheduleNames.SystemdUnit(definition.TaskName, ".timer")))
                await _runner.RunCheckedAsync("systemctl", "register the timer", Systemctl(args), cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<FoundSchedule>> ListAsync(CancellationToken cancellationToken)
        {
            return Task.FromResult(FoundSchedule.InFolder(_unitFolder, ScheduleNames.SystemdPrefix + "*.timer"));
        }

        public async Task<bool> UnregisterAsync(string taskName, CancellationToken cancellationToken)
        {
            var timerPath = TimerPath(taskName);
            if (!File.Exists(timerPath)) return false;
            // A timer that is already stopped or unknown to the manager is no reason to keep its files.
            await _runner.RunAsync("systemctl", Systemctl(new[] { "disable", "--now", ScheduleNames.SystemdUnit(taskName, ".timer") }), null, cancellationToken).ConfigureAwait(false);
            File.Delete(timerPath);
            if (File.Exists(ServicePath(taskName))) File.Delete(ServicePath(taskName));
            await _runner.RunCheckedAsync("systemctl", "reload its units", Systemctl(new[] { "daemon-reload" }), cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>Reload the files, enable at boot, and restart so a changed calendar takes effect now.</summary>
        private static IEnumerable<string[]> RegisterCommands(string timer) => new[]
        {
            new[] { "daemon-reload" },
            new[] { "enable", timer },
            new[] { "restart", timer },
        };

        private IReadOnlyList<string> Systemctl(IEnumerable<string> args) => (_userMode ? new[] { "--user" } : new string[0]).Concat(args).ToList();

        private string ServicePath(string taskName) => Path.Combine(_unitFolder, ScheduleNames.SystemdUnit(taskName, ".service"));
        private string TimerPath(string taskName) => Path.Combine(_unitFolder, ScheduleNames.SystemdUnit(taskName, ".timer"));
    }
}
