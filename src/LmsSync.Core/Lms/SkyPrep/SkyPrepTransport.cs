using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// One SkyPrep RPC call on the wire: <c>POST {base}/admin/api/{method}</c>, form-encoded, with the keys in
    /// the body (or headers, never the query string), through retry → throttle → socket.
    /// </summary>
    internal sealed class SkyPrepTransport : IDisposable
    {
        private const string ApiKeyHeader = "X-SkyPrep-API-Key";
        private const string AcctKeyHeader = "X-SkyPrep-Acct-Key";

        private readonly SkyPrepClientOptions _options;
        private readonly string _apiRoot;
        private readonly HttpClient _http;

        // "Do not run batch calls concurrently" [D]: one call (with its retries and waits) at a time.
        private readonly SemaphoreSlim _singleFlight = new SemaphoreSlim(1, 1);

        public SkyPrepTransport(SkyPrepClientOptions options, HttpMessageHandler? socket = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            var baseUri = options.Validate();
            _apiRoot = baseUri.AbsoluteUri.TrimEnd('/') + "/admin/api/";
            var limiter = new SkyPrepRateLimiter(options.RequestsPerMinute, options.RateLimitWindow, options.Now, options.ThrottleDelay, options.OnThrottle);
            var throttle = new SkyPrepThrottlingHandler(limiter, socket ?? new HttpClientHandler());
            // The retry layer's own timeout governs each attempt; HttpClient's would cut across retries.
            _http = new HttpClient(new RetryingHandler(options.Retry, throttle)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// Calls <paramref name="method"/> and returns its JSON. <paramref name="safe"/> marks a read, which is retried
        /// on transient failures; a write is sent again only after a 429 (the server did not act on it).
        /// </summary>
        public async Task<JToken> CallAsync(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, bool safe, CancellationToken cancellationToken)
        {
            await _singleFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await CallOnceAtATimeAsync(method, parameters, safe, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _singleFlight.Release();
            }
        }

        private async Task<JToken> CallOnceAtATimeAsync(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, bool safe, CancellationToken cancellationToken)
        {
            var policy = _options.Retry;
            for (var attempt = 1; ; attempt++)
            {
                using (var request = BuildRequest(method, parameters, safe))
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when ((e is HttpRequestException || e is TimeoutException) && !cancellationToken.IsCancellationRequested)
                    {
                        throw new SkyPrepException(SkyPrepErrorKind.Unreachable, method, 0, null,
                            $"SkyPrep could not be reached for {method} ({e.Message}). Check the SkyPrep URL and this machine's network, then run again.", e);
                    }

                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        var body = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        var canTryAgain = attempt < policy.MaxAttempts;
                        if (status == 429)
                        {
                            var retryAfter = RetryAfter.From(response, DateTimeOffset.UtcNow);
                            // The retry layer already retried a read; a write lands here on its first 429.
                            if (!safe && canTryAgain && !(retryAfter > policy.MaxRetryAfter))
                            {
                                await WaitAsync(method, attempt, "HTTP 429", retryAfter, cancellationToken).ConfigureAwait(false);
                                continue;
                            }
                            throw SkyPrepResponseReader.Failure(method, status, Scrub(SkyPrepResponseReader.ErrorText(body)), safe ? policy.MaxAttempts : attempt, retryAfter);
                        }
                        try
                        {
                            return SkyPrepResponseReader.Read(method, status, response.Content?.Headers.ContentType?.MediaType, body, safe ? policy.MaxAttempts : 1, Scrub);
                        }
                        catch (SkyPrepException e) when (e.Kind == SkyPrepErrorKind.UnexpectedResponse && safe && canTryAgain && status < 300)
                        {
                            // A read cut short is worth another look; a write is not (it may have been applied).
                            await WaitAsync(method, attempt, "unreadable answer", null, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
        }

        private HttpRequestMessage BuildRequest(string method, IReadOnlyList<KeyValuePair<string, string>> parameters, bool safe)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _apiRoot + Uri.EscapeDataString(method));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            // The key becomes text only here, for the length of building this one request.
            var apiKey = new NetworkCredential(string.Empty, _options.ApiKey).Password;
            if (_options.CredentialPlacement == SkyPrepCredentialPlacement.Headers)
            {
                request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
                request.Headers.TryAddWithoutValidation(AcctKeyHeader, _options.AcctKey.Trim());
            }
            request.Content = new FormUrlEncodedContent(FormFields(parameters, apiKey));
            if (safe) request.MarkSafeToRetry();
            return request;
        }

        /// <summary>What goes in the form: the keys first (when they travel in the body), then the call's parameters.</summary>
        private List<KeyValuePair<string, string>> FormFields(IReadOnlyList<KeyValuePair<string, string>> parameters, string apiKey)
        {
            var fields = new List<KeyValuePair<string, string>>(parameters.Count + 2);
            if (_options.CredentialPlacement != SkyPrepCredentialPlacement.Headers)
            {
                fields.Add(new KeyValuePair<string, string>("api_key", apiKey));
                fields.Add(new KeyValuePair<string, string>("acct_key", _options.AcctKey.Trim()));
            }
            fields.AddRange(parameters);
            return fields;
        }

        /// <summary>The form body exactly as <see cref="CallAsync"/> would encode it, with the API key as <c>***</c> (payload previews).</summary>
        public string PreviewBody(IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            using (var content = new FormUrlEncodedContent(FormFields(parameters, "***")))
                return content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        private Task WaitAsync(string method, int attempt, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
        {
            var policy = _options.Retry;
            var wait = policy.BackoffFor(attempt, retryAfter);
            policy.OnRetry?.Invoke(new RetryEvent("POST", "/admin/api/" + method, attempt, reason, wait));
            return policy.Delay(wait, cancellationToken);
        }

        /// <summary>Should a server ever echo the key back in an error, it stops here.</summary>
        private string? Scrub(string? text)
        {
            if (text == null || _options.ApiKey == null || _options.ApiKey.Length < 4) return text;
            var key = new NetworkCredential(string.Empty, _options.ApiKey).Password;
            return text.IndexOf(key, StringComparison.Ordinal) < 0 ? text : text.Replace(key, "***");
        }

        public void Dispose()
        {
            _http.Dispose();
            _singleFlight.Dispose();
        }
    }
}
