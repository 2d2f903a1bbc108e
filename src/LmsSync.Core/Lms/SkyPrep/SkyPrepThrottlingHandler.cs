using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Sits under the retry layer so every attempt (retries included) is counted and waits its turn:
    /// one request in flight at a time ("do not run batch calls concurrently") and never more than the
    /// rate limit per window.
    /// </summary>
    internal sealed class SkyPrepThrottlingHandler : DelegatingHandler
    {
        private readonly SemaphoreSlim _singleFlight = new SemaphoreSlim(1, 1);
        private readonly SkyPrepRateLimiter _limiter;

        public SkyPrepThrottlingHandler(SkyPrepRateLimiter limiter, HttpMessageHandler inner) : base(inner)
        {
            _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _singleFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
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
            finally
            {
                _singleFlight.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _singleFlight.Dispose();
            base.Dispose(disposing);
        }
    }
}
