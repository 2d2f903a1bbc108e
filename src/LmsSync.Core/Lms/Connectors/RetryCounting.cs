using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>Counts a client's retries by chaining onto its policy's <see cref="RetryPolicy.OnRetry"/>, keeping any hook already there.</summary>
    internal static class RetryCounting
    {
        public static RetryPolicy Count(RetryPolicy? policy, LmsCallCounters counters)
        {
            var counted = policy ?? new RetryPolicy();
            var previous = counted.OnRetry;
            counted.OnRetry = e =>
            {
                counters.CountRetry();
                previous?.Invoke(e);
            };
            return counted;
        }
    }
}
