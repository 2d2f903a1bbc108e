using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>One answer from the service: status, JSON body (null when empty), ETag and Location.</summary>
    internal sealed class ScimResponse
    {
        public ScimResponse(int status, JObject? body, string? etag, string? location)
        {
            Status = status;
            Body = body;
            ETag = etag;
            Location = location;
        }

        public int Status { get; }
        public JObject? Body { get; }
        public string? ETag { get; }
        public string? Location { get; }
    }

    /// <summary>
    /// The wire: bearer auth, SCIM media types, the shared retry layer, a token refresh on 401, a resend on 429
    /// for writes (a 429 means the request was not processed), and errors turned into <see cref="ScimException"/>.
    /// </summary>
    internal sealed class ScimTransport : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _base;
        private readonly RetryPolicy _policy;
        private readonly Func<CancellationToken, Task<SecureString>>? _refresh;
        private readonly SemaphoreSlim _refreshGate = new SemaphoreSlim(1, 1);
        // List bodies, one per page being received or parsed: up to the requests in flight.
        private readonly ByteBufferPool _buffers;
        private volatile Bearer _token;
        private int _tokenGeneration;

        public ScimTransport(ScimClientOptions options)
        {
            options.Validate();
            var baseUri = EndpointGuard.RequireSecure(options.BaseUrl, "SCIM base URL");
            _base = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
            _policy = options.RetryPolicy ?? new RetryPolicy();
            _refresh = options.RefreshToken;
            var token = options.Token!.Copy();
            token.MakeReadOnly();
            _token = new Bearer(token);
            _buffers = new ByteBufferPool(options.MaxConcurrency);
            var log = options.Log ?? NullActivityLog.Instance;
            Concurrency = new AdaptiveConcurrencyLimit(options.MaxConcurrency) { OnCut = cut => log.Verbose("SCIM service: " + cut + ".") };
            // The limit on requests in flight sits under the retry layer: each attempt takes a slot, a retry's wait holds none.
            _http = new HttpClient(new RetryingHandler(_policy, new ConcurrencyGateHandler(Concurrency, options.InnerHandler ?? NetworkHandler.Create(options.MaxConcurrency))))
            {
                Timeout = Timeout.InfiniteTimeSpan, // the retry layer times each attempt
            };
        }

        public Uri BaseUri => _base;

        public AdaptiveConcurrencyLimit Concurrency { get; }

        public Task<ScimResponse> SendAsync(HttpMethod method, string relative, JObject? body, string? ifMatch, bool safeToRetry, CancellationToken cancellationToken) =>
            SendAsync(method, relative, body, ifMatch, safeToRetry, ReadAsync, cancellationToken);

        /// <summary>
        /// <c>GET</c> of a list page, read from the response stream (<see cref="ScimStreamReader"/>) with
        /// <paramref name="readResource"/> per resource: no page-level tree. Errors and retries as for any call.
        /// </summary>
        public Task<ScimListPage<T>> GetListAsync<T>(string relative, Func<JsonReader, T> readResource, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, relative, null, null, true, HttpCompletionOption.ResponseHeadersRead,
                (operation, response) => ReadListAsync(operation, response, readResource, cancellationToken), cancellationToken);

        private Task<T> SendAsync<T>(HttpMethod method, string relative, JObject? body, string? ifMatch, bool safeToRetry,
            Func<string, HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken) =>
            SendAsync(method, relative, body, ifMatch, safeToRetry, HttpCompletionOption.ResponseContentRead, read, cancellationToken);

        /// <summary>
        /// With <see cref="HttpCompletionOption.ResponseContentRead"/> HttpClient buffers the body before
        /// <paramref name="read"/> runs; with <see cref="HttpCompletionOption.ResponseHeadersRead"/> <paramref name="read"/> receives it.
        /// </summary>
        private async Task<T> SendAsync<T>(HttpMethod method, string relative, JObject? body, string? ifMatch, bool safeToRetry, HttpCompletionOption completion,
            Func<string, HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken)
        {
            var operation = method.Method + " /" + relative.Split('?')[0];
            var refreshed = false;
            for (var attempt = 1; ; attempt++)
            {
                var generation = Volatile.Read(ref _tokenGeneration);
                using (var request = Build(method, relative, body, ifMatch, safeToRetry))
                using (var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false))
                {
                    var status = (int)response.StatusCode;
                    if (status == 401 && _refresh != null && !refreshed)
                    {
                        refreshed = true;
                        await RefreshTokenAsync(generation, cancellationToken).ConfigureAwait(false);
                        attempt--;
                        continue;
                    }
                    // The retry layer resends only safe requests; a write that met 429 was not processed, so it may be sent again.
                    if (status == 429 && !request.IsSafeToRetry() && attempt < _policy.MaxAttempts)
                    {
                        var retryAfter = RetryAfter.From(response, DateTimeOffset.UtcNow);
                        if (!(retryAfter > _policy.MaxRetryAfter))
                        {
                            var wait = _policy.BackoffFor(attempt, retryAfter);
                            _policy.OnRetry?.Invoke(new RetryEvent(method.Method, "/" + relative.Split('?')[0], attempt, "HTTP 429", wait));
                            await _policy.Delay(wait, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                    }
                    return await read(operation, response).ConfigureAwait(false);
                }
            }
        }

        private HttpRequestMessage Build(HttpMethod method, string relative, JObject? body, string? ifMatch, bool safeToRetry)
        {
            var request = new HttpRequestMessage(method, new Uri(_base, relative));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ScimSchemaUris.MediaType));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
            request.Headers.Authorization = _token.Header;
            if (ifMatch != null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            if (body != null)
            {
                request.Content = new StringContent(ScimJson.Serialize(body), Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(ScimSchemaUris.MediaType) { CharSet = "utf-8" };
            }
            if (safeToRetry) request.MarkSafeToRetry();
            return request;
        }

        private static async Task<ScimResponse> ReadAsync(string operation, HttpResponseMessage response)
        {
            await ThrowIfFailedAsync(operation, response).ConfigureAwait(false);
            var status = (int)response.StatusCode;

            // Parsed from the (already buffered) content stream: a 100-user page is never also held as a string.
            JObject? json = null;
            if (response.Content != null)
            {
                try
                {
                    using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var reader = new StreamReader(stream, Encoding.UTF8))
                    {
                        var token = ScimJson.Parse(reader);
                        json = token == null ? null : token as JObject ?? throw new JsonReaderException("Expected a JSON object.");
                    }
                }
                catch (JsonException e)
                {
                    throw ScimException.Unreadable(operation, status, e);
                }
            }
            var etag = response.Headers.TryGetValues("ETag", out var tags) ? tags.FirstOrDefault() : null;
            var location = response.Headers.Location?.ToString();
            return new ScimResponse(status, json, string.IsNullOrWhiteSpace(etag) ? null : etag, location);
        }

        /// <summary>
        /// A ListResponse received into a pooled buffer (HttpClient's own buffering grew a new array per page, some
        /// 90 MB for 100,000 users), then parsed from it one resource at a time; a body that is empty, not JSON, cut
        /// short or not an object is the same <see cref="ScimException"/> as for any answer.
        /// </summary>
        private async Task<ScimListPage<T>> ReadListAsync<T>(string operation, HttpResponseMessage response, Func<JsonReader, T> readResource, CancellationToken cancellationToken)
        {
            await ThrowIfFailedAsync(operation, response).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var (buffer, length) = await ReceiveAsync(response.Content, cancellationToken).ConfigureAwait(false);
            ScimListPage<T>? page;
            try
            {
                page = ScimStreamReader.Read(buffer, length, reader => ScimStreamReader.ListPage(reader, readResource));
            }
            catch (JsonException e)
            {
                throw ScimException.Unreadable(operation, status, e);
            }
            finally
            {
                _buffers.Return(buffer);
            }
            return page ?? throw ScimException.Unreadable(operation, status, new FormatException("The list answer had no body."));
        }

        /// <summary>
        /// The whole body into a pooled buffer (<see cref="ByteBufferPool.ReceiveAsync"/>). A connection lost mid-body is the
        /// <see cref="HttpRequestException"/> HttpClient throws when it buffers a body itself.
        /// </summary>
        private async Task<(byte[] Buffer, int Length)> ReceiveAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            try
            {
                return await _buffers.ReceiveAsync(content, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new HttpRequestException("Error while copying content to a stream.", e);
            }
        }

        private static async Task ThrowIfFailedAsync(string operation, HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            if (status < 400) return;
            var text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw ScimException.FromResponse(operation, status, text);
        }

        /// <summary>One refresh per expiry: callers that met the same 401 wait for the first one's new token.</summary>
        private async Task RefreshTokenAsync(int seenGeneration, CancellationToken cancellationToken)
        {
            await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _tokenGeneration) != seenGeneration) return;
                var fresh = await _refresh!(cancellationToken).ConfigureAwait(false);
                if (fresh == null || fresh.Length == 0) throw new InvalidOperationException("RefreshToken returned no token.");
                var copy = fresh.Copy();
                copy.MakeReadOnly();
                // The old token is not disposed: a request being built on another thread may still be reading it.
                _token = new Bearer(copy);
                Interlocked.Increment(ref _tokenGeneration);
            }
            finally
            {
                _refreshGate.Release();
            }
        }

        public void Dispose()
        {
            _http.Dispose();
            _refreshGate.Dispose();
            _token.Secret.Dispose();
        }

        /// <summary>
        /// A token and its request header, made once per token (and per refresh) rather than per request: reading the
        /// SecureString locks it, and a 100,000-user read's pages waited on that lock. The header holds the token as text,
        /// as a request's header must; it goes on requests only, never into a message or a log.
        /// </summary>
        private sealed class Bearer
        {
            public Bearer(SecureString secret)
            {
                Secret = secret;
                Header = new AuthenticationHeaderValue("Bearer", new NetworkCredential("", secret).Password);
            }

            public SecureString Secret { get; }

            public AuthenticationHeaderValue Header { get; }
        }
    }
}
