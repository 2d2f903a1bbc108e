using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The one bridge between Core's async work and PowerShell's pipeline thread. Workers enqueue
    /// output (objects, verbose, warnings, progress, errors, and ShouldProcess questions); only the
    /// pipeline thread, in <see cref="Drain"/>, ever calls the Cmdlet's Write*/ShouldProcess methods,
    /// as PowerShell requires.
    /// </summary>
    internal sealed class PipelineQueue
    {
        private readonly BlockingCollection<Action<Cmdlet>> _items = new BlockingCollection<Action<Cmdlet>>();

        public void WriteObject(object value) => _items.Add(c => c.WriteObject(value));
        public void WriteVerbose(string text) => _items.Add(c => c.WriteVerbose(text));
        public void WriteWarning(string text) => _items.Add(c => c.WriteWarning(text));
        public void WriteProgress(ProgressRecord record) => _items.Add(c => c.WriteProgress(record));
        public void WriteError(ErrorRecord record) => _items.Add(c => c.WriteError(record));

        /// <summary>Asks ShouldProcess on the pipeline thread and waits for the answer.</summary>
        public Task<bool> ShouldProcessAsync(string target, string action)
        {
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _items.Add(c =>
            {
                try { answer.TrySetResult(c.ShouldProcess(target, action)); }
                catch (Exception e) { answer.TrySetException(e); }
            });
            return answer.Task;
        }

        /// <summary>Runs <paramref name="work"/> and writes what it queues until it finishes; returns its result.</summary>
        public T Drain<T>(Cmdlet cmdlet, Task<T> work)
        {
            work.ContinueWith(_ => _items.CompleteAdding(), TaskScheduler.Default);
            foreach (var write in _items.GetConsumingEnumerable()) write(cmdlet);
            return work.GetAwaiter().GetResult();
        }
    }
}
