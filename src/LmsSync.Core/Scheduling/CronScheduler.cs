using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Scheduling
{
    /// <summary>A block of lines in the user's crontab (Linux without a running systemd).</summary>
    public sealed class CronScheduler : IScheduler
    {
        private readonly ICrontabStore _store;

        public CronScheduler(ICrontabStore store) { _store = store; }

        public SchedulerKind Kind => SchedulerKind.Cron;

        public string Describe(ScheduleDefinition definition, RunAsAccount? runAs) =>
            "In " + _store.Location + ", replacing any block of the same name:\n" + CrontabBlock.Render(definition);

        public IEnumerable<string> Warnings(ScheduleDefinition definition, RunAsAccount? runAs)
        {
            yield return "cron does not run a start missed while the machine was off; it runs at the next scheduled time.";
        }

        public async Task RegisterAsync(ScheduleDefinition definition, RunAsAccount? runAs, CancellationToken cancellationToken)
        {
            var crontab = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
            await _store.WriteAsync(CrontabText.WithBlock(crontab, definition.TaskName, CrontabBlock.Render(definition)), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<FoundSchedule>> ListAsync(CancellationToken cancellationToken)
        {
            var crontab = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
            return CrontabText.Tags(crontab).Select(tag => new FoundSchedule(tag, _store.Location)).ToList();
        }

        public async Task<bool> UnregisterAsync(string taskName, CancellationToken cancellationToken)
        {
            var crontab = await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!CrontabText.HasBlock(crontab, taskName)) return false;
            await _store.WriteAsync(CrontabText.WithoutBlock(crontab, taskName), cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
