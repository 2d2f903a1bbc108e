using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// SkyPrep's documented limit: 100 API calls per minute per source IP. A sliding window (not fixed minutes),
/// so a client that bursts at a minute boundary is caught too. Refused calls are not counted.
/// </summary>
public sealed class SkyPrepSlidingWindow
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byAddress = new();

    /// <summary>Null when the call may go ahead (and is counted); otherwise how long until a slot frees up.</summary>
    public TimeSpan? TryAcquire(string address, int limit, DateTimeOffset now)
    {
        if (limit <= 0) return null;
        lock (_gate)
        {
            if (!_byAddress.TryGetValue(address, out var recent)) _byAddress[address] = recent = new Queue<DateTimeOffset>();
            while (recent.Count > 0 && recent.Peek() + Window <= now) recent.Dequeue();
            if (recent.Count < limit)
            {
                recent.Enqueue(now);
                return null;
            }
            return recent.Peek() + Window - now;
        }
    }

    public void Clear()
    {
        lock (_gate) _byAddress.Clear();
    }
}
