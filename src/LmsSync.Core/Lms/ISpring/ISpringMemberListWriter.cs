using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Joins and leaves on iSpring's replace-all member list (<c>POST /group/{id}/members</c>) without dropping members
    /// this integration does not manage: read the list, apply only our changes, write it whole, read it again.
    /// Changes queued for one group while a write is under way are merged into the next single write, so a thousand
    /// concurrent joins cost a handful of rewrites rather than a thousand. If the verification read shows another
    /// writer undid our change, the round is repeated (up to <see cref="ISpringClientOptions.MaxGroupWriteAttempts"/>).
    /// The API has no version or ETag, so a foreign write landing between our read and our write cannot be detected;
    /// the window is one round trip.
    /// </summary>
    internal sealed class ISpringMemberListWriter
    {
        private readonly ISpringGroupLocks _locks;
        private readonly Func<string, CancellationToken, Task<ISpringGroupDetails>> _read;
        private readonly Func<string, IReadOnlyList<string>, CancellationToken, Task> _write;
        private readonly int _maxAttempts;
        private readonly Dictionary<string, List<Change>> _pending = new Dictionary<string, List<Change>>(StringComparer.OrdinalIgnoreCase);

        public ISpringMemberListWriter(ISpringGroupLocks locks, Func<string, CancellationToken, Task<ISpringGroupDetails>> read,
            Func<string, IReadOnlyList<string>, CancellationToken, Task> write, int maxAttempts)
        {
            _locks = locks;
            _read = read;
            _write = write;
            _maxAttempts = maxAttempts;
        }

        /// <summary>Adds <paramref name="add"/> and removes <paramref name="remove"/> (user ids), leaving every other member in place.</summary>
        public async Task ApplyAsync(string groupId, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken)
        {
            var change = new Change(add, remove);
            if (change.IsEmpty) return;
            lock (_pending)
            {
                if (!_pending.TryGetValue(groupId, out var list)) _pending[groupId] = list = new List<Change>();
                list.Add(change);
            }

            var gate = _locks.For(groupId);
            while (!change.Done.Task.IsCompleted)
            {
                try
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Withdraw(groupId, change);
                    throw;
                }
                try
                {
                    if (change.Done.Task.IsCompleted) break;
                    var batch = TakePending(groupId);
                    try
                    {
                        await RewriteAsync(groupId, batch, cancellationToken).ConfigureAwait(false);
                        foreach (var c in batch) c.Done.TrySetResult(true);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Our caller gave up; the others' changes go back in the queue for the next writer.
                        Requeue(groupId, batch.Where(c => c != change));
                        change.Done.TrySetCanceled();
                    }
                    catch (Exception e)
                    {
                        foreach (var c in batch) c.Done.TrySetException(e);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }
            await change.Done.Task.ConfigureAwait(false);
        }

        private async Task RewriteAsync(string groupId, IReadOnlyList<Change> batch, CancellationToken cancellationToken)
        {
            // Later changes win over earlier ones for the same user.
            var wanted = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in batch)
            {
                foreach (var id in c.Remove) wanted[id] = false;
                foreach (var id in c.Add) wanted[id] = true;
            }

            for (var attempt = 1; ; attempt++)
            {
                var current = await _read(groupId, cancellationToken).ConfigureAwait(false);
                if (current.Group.IsSmart)
                    throw new InvalidOperationException($"Group '{current.Group.Name}' is a smart group: its members follow its rules and cannot be written. Leave it out of the group mapping.");
                if (Satisfied(current.UserIds, wanted)) return;

                var members = current.UserIds.Where(id => !wanted.TryGetValue(id, out var keep) || keep).ToList();
                var present = new HashSet<string>(members, StringComparer.OrdinalIgnoreCase);
                members.AddRange(wanted.Where(w => w.Value && present.Add(w.Key)).Select(w => w.Key));
                await _write(groupId, members, cancellationToken).ConfigureAwait(false);

                var after = await _read(groupId, cancellationToken).ConfigureAwait(false);
                if (Satisfied(after.UserIds, wanted)) return;
                if (attempt >= _maxAttempts)
                    throw new ISpringApiException($"POST /group/{groupId}/members", 409, null, null,
                        $"Group '{current.Group.Name}' kept changing under us ({attempt} rewrites undone by another writer); run the sync again when the group is quiet.");
            }
        }

        private static bool Satisfied(IReadOnlyList<string> members, Dictionary<string, bool> wanted)
        {
            var set = new HashSet<string>(members, StringComparer.OrdinalIgnoreCase);
            return wanted.All(w => set.Contains(w.Key) == w.Value);
        }

        private List<Change> TakePending(string groupId)
        {
            lock (_pending)
            {
                if (!_pending.TryGetValue(groupId, out var list)) return new List<Change>();
                _pending.Remove(groupId);
                return list;
            }
        }

        private void Requeue(string groupId, IEnumerable<Change> changes)
        {
            lock (_pending)
            {
                if (!_pending.TryGetValue(groupId, out var list)) _pending[groupId] = list = new List<Change>();
                list.InsertRange(0, changes);
            }
        }

        private void Withdraw(string groupId, Change change)
        {
            lock (_pending)
            {
                if (_pending.TryGetValue(groupId, out var list)) list.Remove(change);
            }
        }

        private sealed class Change
        {
            public Change(IEnumerable<string> add, IEnumerable<string> remove)
            {
                Add = add.Where(id => !string.IsNullOrEmpty(id)).ToList();
                Remove = remove.Where(id => !string.IsNullOrEmpty(id)).ToList();
            }

            public List<string> Add { get; }
            public List<string> Remove { get; }
            public TaskCompletionSource<bool> Done { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            public bool IsEmpty => Add.Count == 0 && Remove.Count == 0;
        }
    }
}
