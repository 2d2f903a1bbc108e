using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// How many requests one client may have in flight, found at run time for services that document no rate limit
    /// (iSpring Learn, SCIM). As TCP's congestion control (RFC 5681 §3.1): slow start, then AIMD (Linux
    /// <c>tcp_cong_avoid_ai</c>: one more after a window of <c>limit</c> acknowledgements; Netflix concurrency-limits'
    /// <c>AIMDLimit</c>):
    /// <list type="bullet">
    /// <item>It starts at <see cref="Initial"/> (the old fixed value). Until the service first asks us to slow down, it
    /// grows by one per successful answer (slow start: it doubles each window, so a run of a few hundred writes reaches
    /// the ceiling after a dozen answers instead of a hundred); after the first cut, by one after <c>limit</c> successful
    /// answers (congestion avoidance). Never past <see cref="Ceiling"/>. As in AIMDLimit, only answers to requests sent
    /// while at least half the limit was in use count (a client that sends one request at a time proves nothing about
    /// what the service takes), and, as in TCP's recovery, only those sent since the last cut.</item>
    /// <item>It halves (never below 1) on a throttling answer. Like TCP's one reduction per window (RFC 6582's
    /// recovery point), answers to requests sent before the last cut do not cut again: a burst of 429s to requests
    /// already in flight is one signal, not one per request.</item>
    /// </list>
    /// Waiters are served first come, first served. Thread-safe.
    /// </summary>
    public sealed class AdaptiveConcurrencyLimit
    {
        /// <summary>Where the limit starts: the fixed concurrency these clients used before it adapted.</summary>
        public const int Initial = 4;

        private readonly object _gate = new object();
        private readonly Queue<TaskCompletionSource<Lease>> _waiters = new Queue<TaskCompletionSource<Lease>>();
        private int _limit;
        private int _inFlight;
        private int _successes;
        private int _cuts;
        private int _highest;

        public AdaptiveConcurrencyLimit(int ceiling)
        {
            if (ceiling < 1) throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling, "The ceiling must be at least 1.");
            Ceiling = ceiling;
            _limit = _highest = Math.Min(Initial, ceiling);
        }

        /// <summary>The most the limit may grow to (the client option users set: MaxConcurrentRequests, MaxConcurrency).</summary>
        public int Ceiling { get; }

        /// <summary>Requests allowed in flight now.</summary>
        public int Limit
        {
            get { lock (_gate) return _limit; }
        }

        /// <summary>The highest the limit has been.</summary>
        public int Highest
        {
            get { lock (_gate) return _highest; }
        }

        /// <summary>Requests holding a slot now.</summary>
        public int InFlight
        {
            get { lock (_gate) return _inFlight; }
        }

        /// <summary>How many times a throttling answer lowered the limit.</summary>
        public int Cuts
        {
            get { lock (_gate) return _cuts; }
        }

        /// <summary>Told each time a throttling answer lowers the limit (never with a secret).</summary>
        public Action<ConcurrencyLimitCut>? OnCut { get; set; }

        /// <summary>Waits for a slot. The slot must be given back with <see cref="Release"/>, whatever happens to the request.</summary>
        public Task<Lease> AcquireAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TaskCompletionSource<Lease> waiter;
            lock (_gate)
            {
                Dispatch();
                if (_inFlight < _limit) return Task.FromResult(Grant());
                // Completed outside the lock's caller chain: a woken request must not run under Release's lock.
                waiter = new TaskCompletionSource<Lease>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Enqueue(waiter);
            }
            return WaitAsync(waiter, cancellationToken);
        }

        private static async Task<Lease> WaitAsync(TaskCompletionSource<Lease> waiter, CancellationToken cancellationToken)
        {
            // A cancelled waiter stays queued until Dispatch skips it; it never holds a slot.
            using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
                return await waiter.Task.ConfigureAwait(false);
        }

        /// <summary>Gives a slot back and learns from how its request ended.</summary>
        public void Release(Lease lease, ConcurrencyOutcome outcome, string? reason = null)
        {
            ConcurrencyLimitCut? cut = null;
            lock (_gate)
            {
                _inFlight--;
                if (outcome == ConcurrencyOutcome.Success)
                {
                    // Answers to requests sent before the last cut were sent under the old limit: they prove nothing about the new one.
                    // Slow start (no cut yet): one more per answer. Afterwards: one more per window of answers.
                    if (lease.Loaded && lease.Cuts == _cuts && _limit < Ceiling && (_cuts == 0 || ++_successes >= _limit))
                    {
                        _limit++;
                        _successes = 0;
                        _highest = Math.Max(_highest, _limit);
                    }
                }
                else if (outcome == ConcurrencyOutcome.Throttled && lease.Cuts == _cuts)
                {
                    var was = _limit;
                    _limit = Math.Max(1, _limit / 2);
                    _successes = 0;
                    _cuts++;
                    cut = new ConcurrencyLimitCut(was, _limit, reason ?? "throttled");
                }
                Dispatch();
            }
            if (cut != null) OnCut?.Invoke(cut);
        }

        /// <summary>Hands free slots to the longest-waiting live waiters. Under the lock.</summary>
        private void Dispatch()
        {
            while (_inFlight < _limit && _waiters.Count > 0)
            {
                var waiter = _waiters.Dequeue();
                var lease = Grant();
                if (!waiter.TrySetResult(lease)) _inFlight--; // cancelled while waiting
            }
        }

        /// <summary>Takes a slot. Under the lock.</summary>
        private Lease Grant()
        {
            _inFlight++;
            return new Lease(_cuts, loaded: _inFlight * 2 >= _limit);
        }

        /// <summary>One slot: when it was granted (which cut) and whether the limit was in real use then.</summary>
        public readonly struct Lease
        {
            internal Lease(int cuts, bool loaded)
            {
                Cuts = cuts;
                Loaded = loaded;
            }

            internal int Cuts { get; }
            internal bool Loaded { get; }
        }
    }

    /// <summary>What a request's end says about the service's load.</summary>
    public enum ConcurrencyOutcome
    {
        /// <summary>An answer (even a 4xx): the service kept up; counts toward growing the limit.</summary>
        Success,
        /// <summary>The service asked us to slow down (429, 503, Retry-After): the limit halves.</summary>
        Throttled,
        /// <summary>Says nothing either way (cancelled, connection lost, another 5xx): the slot is only given back.</summary>
        Neutral,
    }

    /// <summary>A cut of the limit, as reported to <see cref="AdaptiveConcurrencyLimit.OnCut"/>.</summary>
    public sealed class ConcurrencyLimitCut
    {
        public ConcurrencyLimitCut(int was, int now, string reason)
        {
            Was = was;
            Now = now;
            Reason = reason;
        }

        public int Was { get; }
        public int Now { get; }

        /// <summary>The answer that caused it, e.g. <c>HTTP 429 (Retry-After 2 s) to GET /users/v2</c>: no query, no secret.</summary>
        public string Reason { get; }

        public override string ToString() => Now == Was
            ? $"{Reason}; requests in flight stay at most {Now}"
            : $"{Reason}; requests in flight now at most {Now} (was {Was})";
    }
}
