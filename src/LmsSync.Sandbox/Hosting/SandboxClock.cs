using System;
using System.Threading;

namespace LmsSync.Sandbox.Hosting;

/// <summary>
/// The emulators' notion of now: real time plus an offset an admin call (or a test) can move,
/// so token expiry, termination dates and watermarks can be tested without waiting.
/// </summary>
public sealed class SandboxClock
{
    private long _offsetTicks;

    public SandboxClock(DateTimeOffset? start = null)
    {
        if (start is { } s) _offsetTicks = (s - DateTimeOffset.UtcNow).Ticks;
    }

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - DateTimeOffset.UtcNow).Ticks);
}
