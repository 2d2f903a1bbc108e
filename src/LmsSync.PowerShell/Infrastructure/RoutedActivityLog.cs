using System.Threading;
using LmsSync.Core.Diagnostics;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The activity log a connection's clients keep for their lifetime: it forwards to the pipeline queue of
    /// whichever cmdlet is running now (Write-Verbose/Write-Warning), and drops messages between cmdlets.
    /// </summary>
    internal sealed class RoutedActivityLog : IActivityLog
    {
        private PipelineQueue? _target;

        /// <summary>Routes messages to <paramref name="queue"/> until <see cref="Detach"/>.</summary>
        public void Attach(PipelineQueue queue) => Volatile.Write(ref _target, queue);

        public void Detach(PipelineQueue queue) => Interlocked.CompareExchange(ref _target, null, queue);

        public void Verbose(string message) => Write(queue => queue.WriteVerbose(message));

        public void Warning(string message) => Write(queue => queue.WriteWarning(message));

        private void Write(System.Action<PipelineQueue> write)
        {
            var target = Volatile.Read(ref _target);
            if (target == null) return;
            try { write(target); }
            catch (System.InvalidOperationException)
            {
                // That command has finished (its queue is complete): the message has nobody to go to.
            }
        }
    }
}
