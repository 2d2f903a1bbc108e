using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// One async lock per group id, so this client never races itself on a group's member list (a rewrite that read
    /// the list before another of our writes landed would undo it). Several groups are taken in a fixed order.
    /// </summary>
    internal sealed class ISpringGroupLocks
    {
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);

        public SemaphoreSlim For(string groupId) => _locks.GetOrAdd(groupId, _ => new SemaphoreSlim(1, 1));

        /// <summary>Holds every listed group's lock until disposed.</summary>
        public async Task<IDisposable> AcquireAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken)
        {
            var ordered = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.OrdinalIgnoreCase).Select(For).ToList();
            var held = new List<SemaphoreSlim>();
            try
            {
                foreach (var gate in ordered)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    held.Add(gate);
                }
            }
            catch
            {
                foreach (var gate in held) gate.Release();
                throw;
            }
            return new Held(held);
        }

        private sealed class Held : IDisposable
        {
            private List<SemaphoreSlim>? _gates;

            public Held(List<SemaphoreSlim> gates) => _gates = gates;

            public void Dispose()
            {
                var gates = Interlocked.Exchange(ref _gates, null);
                if (gates != null) foreach (var gate in gates) gate.Release();
            }
        }
    }
}
