using System;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// The DailyApiRequests counter behind <c>Sforce-Limit-Info</c> and <c>/limits</c>. Salesforce
/// counts over a rolling 24 hours; here a window that starts at the first call and resets 24 hours
/// later (Sandbox clock) — close enough to test budget logic, and predictable.
/// </summary>
public sealed class ApiUsage
{
    private readonly object _gate = new();
    private long _used;
    private DateTimeOffset? _windowStart;

    /// <summary>Counts one call unless the cap is reached; returns the usage to report either way.</summary>
    public bool TryCount(DateTimeOffset now, long limit, out long used)
    {
        lock (_gate)
        {
            Roll(now);
            if (_used >= limit)
            {
                used = _used;
                return false;
            }
            used = ++_used;
            return true;
        }
    }

    public long Used(DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            return _used;
        }
    }

    /// <summary>Sets the count (admin), e.g. to just under the cap; the window restarts now.</summary>
    public void Set(long used, DateTimeOffset now)
    {
        lock (_gate)
        {
            _used = Math.Max(0, used);
            _windowStart = now;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        if (_windowStart is null || now >= _windowStart.Value.AddDays(1) || now < _windowStart.Value)
        {
            _windowStart = now;
            _used = 0;
        }
    }

    public static string Header(long used, long limit) => $"api-usage={used}/{limit}";
}
