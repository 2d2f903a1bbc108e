using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// Holds each request to an <see cref="AdaptiveConcurrencyLimit"/> slot while it is on the wire (until its answer's
    /// headers arrive), and tells the limit how it ended. It sits under <see cref="RetryingHandler"/>, so every attempt
    /// takes its own slot and a retry's wait (a Retry-After, a backoff) holds none.
    /// </summary>
    public sealed class ConcurrencyGateHandler : DelegatingHandler
    {
        private const int TooManyRequests = 429;
        private const int ServiceUnavailable = 503;

        private readonly AdaptiveConcurrencyLimit _limit;

        public ConcurrencyGateHandler(AdaptiveConcurrencyLimit limit, HttpMessageHandler inner) : base(inner)
        {
            _limit = limit ?? throw new ArgumentNullException(nameof(limit));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var lease = await _limit.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var outcome = ConcurrencyOutcome.Neutral;
            string? reason = null;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                outcome = Classify(response);
                if (outcome == ConcurrencyOutcome.Throttled) reason = Describe(request, response);
                return response;
            }
            finally
            {
                _limit.Release(lease, outcome, reason);
            }
        }

        /// <summary>
        /// 429 and 503 are a service's ways of saying "slower" (RFC 6585 §4, RFC 9110 §15.6.4), and an error with a
        /// Retry-After says the same whatever its status. Other 5xx say nothing about load; any other answer means the
        /// service kept up.
        /// </summary>
        internal static ConcurrencyOutcome Classify(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            if (status == TooManyRequests || status == ServiceUnavailable) return ConcurrencyOutcome.Throttled;
            if (status >= 400 && response.Headers.RetryAfter != null) return ConcurrencyOutcome.Throttled;
            return status >= 500 ? ConcurrencyOutcome.Neutral : ConcurrencyOutcome.Success;
        }

        /// <summary>Status, Retry-After and method + path; never the query (it may carry emails or filters).</summary>
        private static string Describe(HttpRequestMessage request, HttpResponseMessage response)
        {
            var retryAfter = RetryAfter.From(response, DateTimeOffset.UtcNow);
            var after = retryAfter is TimeSpan wait ? $" (Retry-After {wait.TotalSeconds:0.##} s)" : "";
            return $"HTTP {(int)response.StatusCode}{after} to {request.Method.Method} {request.RequestUri?.AbsolutePath}";
        }
    }
}
