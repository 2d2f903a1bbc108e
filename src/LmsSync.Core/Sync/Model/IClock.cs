using System;

namespace LmsSync.Core.Sync
{
    /// <summary>Where "now" comes from, so that planning is a pure function of its input.</summary>
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }

    /// <summary>The machine's clock; the only place planning code may learn the real time from.</summary>
    public sealed class SystemClock : IClock
    {
        public static SystemClock Instance { get; } = new SystemClock();
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }

    /// <summary>A clock stopped at one instant (tests, previews of a given day).</summary>
    public sealed class FixedClock : IClock
    {
        public FixedClock(DateTimeOffset utcNow) => UtcNow = utcNow;
        public DateTimeOffset UtcNow { get; }
    }
}
