using System.Management.Automation;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>
    /// Invoke-SfLmsSync's view of a run: results and progress go to the pipeline queue, a failed user becomes a
    /// non-terminating SfLms.UserSyncFailed error, and each deactivation is put to ShouldProcess on the pipeline
    /// thread. Other writes are not asked about one by one: the run as a whole was confirmed before it started.
    /// </summary>
    internal sealed class QueueRunObserver : IRunObserver
    {
        private readonly PipelineQueue _queue;
        private readonly ProgressReporter _progress;
        private readonly bool _passThru;

        public QueueRunObserver(PipelineQueue queue, ProgressReporter progress, bool passThru)
        {
            _queue = queue;
            _progress = progress;
            _passThru = passThru;
        }

        public void OnResult(UserResult result)
        {
            if (_passThru) _queue.WriteObject(result);
            if (result.Status == ResultStatus.Failure)
                _queue.WriteError(SfLmsCmdlet.NewError(ErrorIds.UserSyncFailed, ErrorCategory.WriteError,
                    $"{result.Action} of {result.DisplayName ?? result.SalesforceId} ({result.Email}) failed: {result.Error} The run goes on; the next run tries this user again.",
                    result));
        }

        public void OnProgress(SyncProgress progress) => _progress.Report(progress);

        public Task<bool> ConfirmAsync(PlanRow row, string action) =>
            row.Action == PlanAction.Deactivate
                ? _queue.ShouldProcessAsync(DescribeTarget(row), $"{action} ({row.Reason ?? row.DeactivationReason.ToString()})")
                : Task.FromResult(true);

        internal static string DescribeTarget(PlanRow row) =>
            $"LMS user {row.DisplayName ?? row.Email ?? row.LmsId} <{row.Email}> (LMS id {row.LmsId}, Salesforce Id {row.SalesforceId ?? "none"})";
    }
}
