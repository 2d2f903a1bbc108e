using System.Threading;
using LmsSync.Core.Lms.Connectors;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Decides when a run stops early instead of hammering a service that is down: at once on an authentication
    /// failure (every further call fails the same way), and after a run of transient failures with no success in
    /// between (the LMS is down; the clients already retried each of them). Thread-safe.
    /// </summary>
    internal sealed class FailureBreaker
    {
        private readonly int _maxConsecutiveTransient;
        private int _consecutiveTransient;
        private string? _reason;

        public FailureBreaker(int maxConsecutiveTransient) => _maxConsecutiveTransient = maxConsecutiveTransient;

        /// <summary>Why the run stopped; null while it may go on.</summary>
        public string? Reason => Volatile.Read(ref _reason);

        public bool Tripped => Reason != null;

        public void Success() => Interlocked.Exchange(ref _consecutiveTransient, 0);

        public void Failure(LmsConnectorException? error)
        {
            if (error == null) return;
            if (error.IsAuthentication)
            {
                Interlocked.CompareExchange(ref _reason,
                    "The LMS refused the integration's credentials, so the run stopped at once: " + error.Message +
                    " Check the LMS credentials of the profile (Connect-SfLms … -Save), then run again.", null);
                return;
            }
            if (!error.IsTransient) return;
            if (Interlocked.Increment(ref _consecutiveTransient) >= _maxConsecutiveTransient)
                Interlocked.CompareExchange(ref _reason,
                    $"The LMS failed {_maxConsecutiveTransient} calls in a row even after retries, so the run stopped rather than keep calling it. Last error: {error.Message} " +
                    "Check the LMS's status and run again later; users already done keep their results.", null);
        }
    }
}
