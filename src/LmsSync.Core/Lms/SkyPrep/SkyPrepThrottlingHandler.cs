using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Sits under the retry layer so every attempt (retries included) is counted and waits for a slot in the
    /// rate window. The wait (at most one window) runs inside the retry layer's attempt timeout, which by
    /// default (130 s) is longer than a window. Single flight is the transport's job, around whole calls, so
    /// callers queued behind a slow call do not eat into their own attempt timeouts.
    /// </summary>
    internal sealed class SkyPrepThrottlingHandler : DelegatingHandler
    {
        private readonly SkyPrepRateLimiter _limiter;

        public SkyPrepThrottlingHandler(SkyPrepRateLimiter limiter, HttpMessageHandler inner) : base(inner)
        {
            _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _limiter.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _limiter.Record();
            }
        }
    }
}
