using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// Sends a request again after transient failures — the statuses of <see cref="RetryPolicy.RetryStatuses"/>,
    /// a dropped connection, an attempt timeout — when the request is safe to repeat
    /// (<see cref="RequestSafety"/>) — or, for a 429, whatever it is, since the server refused it unprocessed.
    /// Honours <c>Retry-After</c>. The caller's cancellation is never retried.
    /// The last response (or error) is what the caller sees when tries run out.
    /// </summary>
    public sealed class RetryingHandler : DelegatingHandler
    {
        private const int TooManyRequests = 429;

        private readonly RetryPolicy _policy;

        public RetryingHandler(RetryPolicy policy, HttpMessageHandler inner) : base(inner)
        {
            _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var safe = request.IsSafeToRetry();
            var body = await RequestCopier.BufferBodyAsync(request).ConfigureAwait(false);
            var path = request.RequestUri?.AbsolutePath ?? "";
            for (var attempt = 1; ; attempt++)
            {
                var current = attempt == 1 ? request : RequestCopier.Copy(request, body);
                var canRetry = safe && attempt < _policy.MaxAttempts;
                HttpResponseMessage response;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(_policy.AttemptTimeout);
                    try
                    {
                        response = await base.SendAsync(current, timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        var message = $"{request.Method} {path} timed out after {_policy.AttemptTimeout.TotalSeconds:0} s";
                        if (!canRetry) throw new TimeoutException(message + (safe ? $" ({attempt} tries)." : "."));
                        await WaitAsync(request, path, attempt, "timed out", null, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    catch (HttpRequestException e) when (canRetry)
                    {
                        await WaitAsync(request, path, attempt, "connection failed: " + e.Message, null, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var status = (int)response.StatusCode;
                // 429 means the server refused the request unprocessed, so even a create may be sent again.
                var mayRetry = (safe || status == TooManyRequests) && attempt < _policy.MaxAttempts;
                if (!mayRetry || !_policy.RetryStatuses.Contains(status)) return response;

                var retryAfter = RetryAfter.From(response, DateTimeOffset.UtcNow);
                if (retryAfter > _policy.MaxRetryAfter) return response;
                response.Dispose();
                await WaitAsync(request, path, attempt, "HTTP " + status, retryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        private Task WaitAsync(HttpRequestMessage request, string path, int attempt, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
        {
            var wait = _policy.BackoffFor(attempt, retryAfter);
            _policy.OnRetry?.Invoke(new RetryEvent(request.Method.Method, path, attempt, reason, wait));
            return _policy.Delay(wait, cancellationToken);
        }
    }
}
