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
    }
}
