using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Diagnostics
{
    /// <summary>Background work (a read-ahead page, a read started early) whose failure the caller may never await.</summary>
    internal static class TaskFaults
    {
        /// <summary>
        /// Observes the task's exception if it faults, so a read-ahead the caller abandons is never an unobserved
        /// exception; the caller that does await it still gets the failure. Returns the task.
        /// </summary>
        public static TTask ObserveFaults<TTask>(this TTask task) where TTask : Task
        {
            _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }

        /// <summary>
        /// Waits for work the caller abandoned (and cancelled) to end, whatever its outcome, so none of its requests
        /// outlive the caller; its failure is observed, never thrown: the caller reports the failure that made it abandon.
        /// </summary>
        public static async Task SettledAsync(this Task? task)
        {
            if (task == null) return;
            await Task.WhenAny(task).ConfigureAwait(false);
            _ = task.Exception;
        }
    }
}
