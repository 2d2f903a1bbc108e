using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The base of every LmsSync cmdlet: one async boundary (<see cref="Run{T}"/>), Ctrl+C cancels
    /// (<see cref="StopProcessing"/>), and errors with stable ids.
    /// </summary>
    public abstract class SfLmsCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs Core's async work on the thread pool while this (pipeline) thread writes what it queues;
        /// the cmdlet's only blocking wait.
        /// </summary>
        internal T Run<T>(Func<PipelineQueue, CancellationToken, Task<T>> work)
        {
            var queue = new PipelineQueue();
            return queue.Drain(this, Task.Run(() => work(queue, StopToken)));
        }

        internal void Run(Func<PipelineQueue, CancellationToken, Task> work) =>
            Run<bool>(async (queue, token) => { await work(queue, token).ConfigureAwait(false); return true; });

        /// <summary>Stops the cmdlet with a catchable error: a stable id, a real category, a message that says what to do.</summary>
        internal void ThrowTerminating(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null) =>
            ThrowTerminatingError(NewError(errorId, category, message, target, inner));

        internal static ErrorRecord NewError(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null)
        {
            var exception = inner == null ? new InvalidOperationException(message) : new InvalidOperationException(message, inner);
            return new ErrorRecord(exception, errorId, category, target) { ErrorDetails = new ErrorDetails(message) };
        }
    }
}
