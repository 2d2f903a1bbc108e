using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// Registers, reads back and removes the scheduled sync of a profile in the operating system's own
    /// scheduler. What the cmdlets call; everything else in this folder is its parts.
    /// </summary>
    public sealed class ScheduleService
    {
        public const string LogFileName = "scheduled.log";

        private readonly IScheduler _scheduler;
        private readonly IRunHistoryReader _history;
        private readonly LmsSyncPaths _paths;
        private readonly string? _homeOverride;
        private readonly Func<DateTimeOffset> _clock;
        private readonly TimeZoneInfo _zone;

        /// <param name="homeOverride">LMSSYNC_HOME as set in the registering session, pinned into the command so the run finds the same profiles.</param>
        public ScheduleService(IScheduler scheduler, IRunHistoryReader history, LmsSyncPaths paths, string? homeOverride, Func<DateTimeOffset> clock, TimeZoneInfo zone)
        {
            _scheduler = scheduler;
            _history = history;
            _paths = paths;
            _homeOverride = homeOverride;
            _clock = clock;
            _zone = zone;
        }

        /// <summary>The scheduler this machine uses (see <see cref="SchedulerEnvironment"/>), real processes, the real clock.</summary>
        public static ScheduleService ForThisMachine()
        {
            Func<DateTimeOffset> clock = () => DateTimeOffset.Now;
            var home = Environment.GetEnvironmentVariable(LmsSyncPaths.HomeVariable);
            var paths = LmsSyncPaths.Default();
            var scheduler = SchedulerEnvironment.FromMachine().CreateScheduler(new ProcessCommandRunner(), clock);
            return new ScheduleService(scheduler, new RunHistoryFile(paths), paths, string.IsNullOrWhiteSpace(home) ? null : paths.Root, clock, TimeZoneInfo.Local);
        }

        public SchedulerKind Scheduler => _scheduler.Kind;

        /// <summary>Validates the request and works out the exact definition, without touching the scheduler.</summary>
        public SchedulePlan Plan(ScheduleRequest request)
        {
            string profile;
            try { profile = ProfileName.Validate(request.Profile); }
            catch (ArgumentException e) { throw new ScheduleException(ScheduleErrorKind.Invalid, e.Message, e); }
            if (request.RunAs != null && _scheduler.Kind != SchedulerKind.TaskScheduler)
                throw new ScheduleException(ScheduleErrorKind.Invalid, $"-Credential applies to Windows Task Scheduler only; with {_scheduler.Kind} the schedule runs as the user who registers it. Register it as that user instead.");

            var profilePaths = _paths.Profile(profile);
            var command = ScheduledCommand.ForSync(new ScheduledCommandInputs
            {
                PowerShellPath = request.PowerShellPath,
                ModuleManifestPath = request.ModuleManifestPath,
                Profile = profile,
                LogFile = Path.Combine(profilePaths.LogFolder, LogFileName),
                HomeOverride = _homeOverride,
                ForWindows = _scheduler.Kind == SchedulerKind.TaskScheduler,
            });
            var definition = new ScheduleDefinition(request.TaskName ?? profile, profile, request.Trigger, command);

            var warnings = _scheduler.Warnings(definition, request.RunAs).ToList();
            if (!Directory.Exists(profilePaths.Folder))
                warnings.Insert(0, $"Profile '{profile}' has no saved settings yet, so the scheduled run will fail until it has: Connect-SfLms … -Name {profile} -Save.");
            return new SchedulePlan(definition, request.RunAs, _scheduler.Kind, _scheduler.Describe(definition, request.RunAs), warnings);
        }

        /// <summary>Registers the plan (replacing a schedule of the same task name) and reads it back.</summary>
        public async Task<RegisteredSchedule> RegisterAsync(SchedulePlan plan, CancellationToken cancellationToken)
        {
            // The run appends its output here; PowerShell's redirection does not create folders.
            Directory.CreateDirectory(_paths.Profile(plan.Definition.Profile).LogFolder);
            await _scheduler.RegisterAsync(plan.Definition, plan.RunAs, cancellationToken).ConfigureAwait(false);
            var registered = await GetAsync(plan.Definition.TaskName, null, cancellationToken).ConfigureAwait(false);
            return registered.FirstOrDefault()
                ?? throw new ScheduleException(ScheduleErrorKind.SchedulerFailed, $"{_scheduler.Kind} accepted schedule '{plan.Definition.TaskName}' but it cannot be read back.");
        }

        /// <summary>The registered schedules, optionally only one task name and/or one profile, by task name.</summary>
        public async Task<IReadOnlyList<RegisteredSchedule>> GetAsync(string? taskName, string? profile, CancellationToken cancellationToken)
        {
            var found = await _scheduler.ListAsync(cancellationToken).ConfigureAwait(false);
            var now = _clock();
            return found
                .Where(f => taskName == null || string.Equals(f.Tag.TaskName, taskName, StringComparison.OrdinalIgnoreCase))
                .Where(f => profile == null || string.Equals(f.Tag.Profile, profile, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.Tag.TaskName, StringComparer.OrdinalIgnoreCase)
                .Select(f => ToRegistered(f, now))
                .ToList();
        }

        /// <summary>
        /// Removes the schedule named <paramref name="taskName"/>, or every schedule of <paramref name="profile"/>,
        /// each only if <paramref name="confirm"/> agrees (ShouldProcess); returns what was removed.
        /// </summary>
        public async Task<IReadOnlyList<RegisteredSchedule>> UnregisterAsync(string? taskName, string? profile, Func<RegisteredSchedule, Task<bool>> confirm, CancellationToken cancellationToken)
        {
            if (taskName != null) ScheduleNames.ValidateTaskName(taskName);
            var matches = await GetAsync(taskName, profile, cancellationToken).ConfigureAwait(false);
            if (matches.Count == 0)
                throw new ScheduleException(ScheduleErrorKind.NotFound, taskName != null
                    ? $"No LmsSync schedule named '{taskName}' is registered with {_scheduler.Kind}. Get-SfLmsSchedule lists those that are."
                    : $"No LmsSync schedule runs profile '{profile}' in {_scheduler.Kind}. Get-SfLmsSchedule lists those that are registered.");
            var removed = new List<RegisteredSchedule>();
            foreach (var schedule in matches)
            {
                if (!await confirm(schedule).ConfigureAwait(false)) continue;
                if (await _scheduler.UnregisterAsync(schedule.TaskName, cancellationToken).ConfigureAwait(false)) removed.Add(schedule);
            }
            return removed;
        }

        private RegisteredSchedule ToRegistered(FoundSchedule found, DateTimeOffset now)
        {
            var last = SafeLastRun(found.Tag.Profile);
            return new RegisteredSchedule
            {
                TaskName = found.Tag.TaskName,
                Profile = found.Tag.Profile,
                Trigger = found.Tag.Trigger,
                Scheduler = _scheduler.Kind,
                Location = found.Location,
                NextRun = found.Tag.Trigger.NextRun(now, _zone),
                LastRun = last?.Started,
                LastStatus = last?.Status,
                LastRunId = last?.RunId,
            };
        }

        /// <summary>A profile name in a hand-edited artifact that is not a valid name has no history, rather than failing the listing.</summary>
        private RunHistoryRecord? SafeLastRun(string profile)
        {
            try { return _history.LastRun(profile); }
            catch (ArgumentException) { return null; }
        }
    }
}
