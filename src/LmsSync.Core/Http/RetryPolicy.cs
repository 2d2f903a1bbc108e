using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// When and how long to wait before trying a request again: exponential backoff with full jitter,
    /// capped, and a server's <c>Retry-After</c> taking precedence. Shared by every client (Salesforce and LMS).
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>Statuses that mean "try again later" on any service we call.</summary>
        public static readonly IReadOnlyCollection<int> TransientStatuses = new HashSet<int> { 408, 429, 500, 502, 503, 504 };

        /// <summary>Total tries including the first.</summary>
        public int MaxAttempts { get; set; } = 5;

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited out: the call fails and says how long the server asked for.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Time allowed for one attempt (connect, send, headers and body).</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(130);

        /// <summary>Statuses worth another try; defaults to <see cref="TransientStatuses"/>.</summary>
        public ISet<int> RetryStatuses { get; set; } = new HashSet<int>(TransientStatuses);

        /// <summary>How a wait happens; tests replace it to run without sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (delay, token) => Task.Delay(delay, token);

        /// <summary>Told about every retry (never with a secret: method, path without query, reason, wait).</summary>
        public Action<RetryEvent>? OnRetry { get; set; }

        private readonly Random _jitter = new Random();

        /// <summary>No retries at all (for calls whose caller retries at a higher level).</summary>
        public static RetryPolicy None() => new RetryPolicy { MaxAttempts = 1 };

        /// <summary>The wait before try number <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
        public TimeSpan BackoffFor(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter is TimeSpan asked) return asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            double fraction;
            lock (_jitter) fraction = _jitter.NextDouble();
            // Full jitter (half fixed, half random) keeps many clients from retrying in step.
            return TimeSpan.FromMilliseconds(ceiling / 2 + fraction * ceiling / 2);
        }
    }

    /// <summary>One retry, as reported to <see cref="RetryPolicy.OnRetry"/>.</summary>
    public sealed class RetryEvent
    {
        public RetryEvent(string method, string path, int attempt, string reason, TimeSpan wait)
        {
            Method = method;
            Path = path;
            Attempt = attempt;
            Reason = reason;
            Wait = wait;
        }

        public string Method { get; }
        public string Path { get; }
        public int Attempt { get; }
        public string Reason { get; }
        public TimeSpan Wait { get; }

        public override string ToString() => $"{Method} {Path}: {Reason}; try {Attempt + 1} in {Wait.TotalSeconds:0.##} s";
    }
}
