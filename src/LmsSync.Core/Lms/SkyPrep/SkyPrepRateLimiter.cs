using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// A sliding-window log: at most <c>limit</c> requests in any <c>window</c>. SkyPrep counts calls per
    /// source IP over a minute and answers with a rate-limit error past 100; we stay under it instead of
    /// bouncing off it. Times recorded are when an answer <em>arrived</em>: the server saw the request no
    /// later than that, so "window after our arrival time" is never inside the server's window.
    /// Not thread-safe on its own; <see cref="SkyPrepThrottlingHandler"/> runs one request at a time.
    /// </summary>
    public sealed class SkyPrepRateLimiter
    {
        /// <summary>Slack for rounding (server clocks count in whole milliseconds or seconds).</summary>
        public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(100);

        private readonly Queue<DateTimeOffset> _recent = new Queue<DateTimeOffset>();
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly Func<DateTimeOffset> _now;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Action<TimeSpan>? _onWait;

        public SkyPrepRateLimiter(int limit, TimeSpan window, Func<DateTimeOffset> now, Func<TimeSpan, CancellationToken, Task> delay, Action<TimeSpan>? onWait = null)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be at least 1.");
            _limit = limit;
            _window = window;
            _now = now ?? throw new ArgumentNullException(nameof(now));
            _delay = delay ?? throw new ArgumentNullException(nameof(delay));
            _onWait = onWait;
        }

        /// <summary>Requests counted in the window now.</summary>
        public int InWindow
        {
            get { Forget(_now()); return _recent.Count; }
        }

        /// <summary>Returns when one more request may be sent without exceeding the limit.</summary>
        public async Task WaitForTurnAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var now = _now();
                Forget(now);
                if (_recent.Count < _limit) return;
                var wait = _recent.Peek() + _window + SafetyMargin - now;
                if (wait <= TimeSpan.Zero) continue;
                _onWait?.Invoke(wait);
                await _delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Counts a request whose answer (or failure) just arrived.</summary>
        public void Record() => _recent.Enqueue(_now());

        private void Forget(DateTimeOffset now)
        {
            while (_recent.Count > 0 && _recent.Peek() + _window + SafetyMargin <= now) _recent.Dequeue();
        }
    }
}
