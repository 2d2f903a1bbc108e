using System;
using System.Threading;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// Reads share the store, a write has it alone: a real account answers concurrent GETs concurrently, and one lock for
/// everything served a partitioned read's lists (and an incremental run's lookups) one at a time. Every method takes
/// <see cref="Reading"/> or <see cref="Writing"/> once and calls only private helpers under it (the lock does not
/// recurse); nothing a read does may change shared state except through a thread-safe publication (see
/// <see cref="GroupsByUser"/>). The lock has thread affinity: no await while it is held.
/// </summary>
public sealed partial class ISpringStore
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    /// <summary>
    /// Test hook: runs inside every user listing (<c>/users/v2</c>, <c>/user</c>, <c>/user/list</c>) while it holds the
    /// read lock, e.g. to hold one listing and show that other reads are answered meanwhile.
    /// </summary>
    public Action? WhileListing { get; set; }

    private Held Reading()
    {
        _lock.EnterReadLock();
        return new Held(_lock, write: false);
    }

    private Held Writing()
    {
        _lock.EnterWriteLock();
        _writes++;
        return new Held(_lock, write: true);
    }

    /// <summary>The lock as taken; <c>using</c> gives it back.</summary>
    private readonly struct Held(ReaderWriterLockSlim held, bool write) : IDisposable
    {
        public void Dispose()
        {
            if (write) held.ExitWriteLock();
            else held.ExitReadLock();
        }
    }
}
