using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.Diagnostics;

/// <summary>One request as the Sandbox saw it.</summary>
public sealed record LoggedRequest(long Sequence, DateTimeOffset Time, string Emulator, string Method, string Path, int Status, double DurationMs);

/// <summary>
/// Every request the emulators answered, for tests to assert on (how many writes, which pages).
/// Bounded: the oldest entries fall off past <see cref="Capacity"/>.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 200_000;
    private readonly object _gate = new();
    private readonly Queue<LoggedRequest> _entries = new();
    private long _sequence;

    public void Add(DateTimeOffset time, string emulator, string method, string path, int status, double durationMs)
    {
        lock (_gate)
        {
            _entries.Enqueue(new LoggedRequest(++_sequence, time, emulator, method, path, status, durationMs));
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    /// <summary>The sequence number of the newest entry; pass it to <see cref="Since"/> to see only later requests.</summary>
    public long Mark
    {
        get { lock (_gate) return _sequence; }
    }

    public IReadOnlyList<LoggedRequest> Since(long mark = 0, string? emulator = null)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Sequence > mark && (emulator is null || e.Emulator == emulator)).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
