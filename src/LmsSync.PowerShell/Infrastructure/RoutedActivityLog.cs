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

        public void Verbose(string message) => Volatile.Read(ref _target)?.WriteVerbose(message);

        public void Warning(string message) => Volatile.Read(ref _target)?.WriteWarning(message);
    }
}
