using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// One iSpring call: JSON in (<c>Content-Type</c>) and out (<c>Accept: application/json</c> — without it iSpring
    /// answers XML), errors turned into <see cref="ISpringApiException"/>. Retries, re-sign-in and the limit on requests in
    /// flight (<see cref="ISpringClient.Concurrency"/>) happen in the handlers below it.
    /// </summary>
    internal sealed class ISpringHttp : IDisposable
    {
        private readonly HttpClient _http;
        private readonly string _baseUrl;

        /// <summary>Page bodies: the one being parsed and the one a read-ahead is receiving, per listing in flight.</summary>
        private readonly ByteBufferPool _buffers = new ByteBufferPool(4);

        public ISpringHttp(HttpClient http, Uri baseUrl)
        {
            _http = http;
            _baseUrl = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        /// <summary>A GET; an unreadable (e.g. truncated) body is fetched once more before giving up.</summary>
        public async Task<JToken> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var body = await SendAsync(HttpMethod.Get, pathAndQuery, null, safe: true, cancellationToken).ConfigureAwait(false);
                try
                {
                    return ISpringWireReader.Parse(body);
                }
                catch (JsonException) when (attempt < 2)
                {
                    // A body cut short in transit: a GET can simply be asked again.
                }
                catch (JsonException e)
                {
                    throw Unreadable("GET", pathAndQuery, e);
                }
            }
        }

        /// <summary>
        /// One page of a <c>pageSize</c>/<c>pageToken</c> list. The body is received into a pooled buffer and only its
        /// top-level <c>nextPageToken</c> is found (<see cref="ISpringPageScan"/>) before this returns; the items are
        /// parsed token by token from the buffer (no body string, no page DOM) when the page's
        /// <see cref="ISpringPage{T}.Items"/> is first read, so a read-ahead can have the next page's request out
        /// meanwhile. Like <see cref="GetAsync"/>, a body cut short is fetched once more; one that is well-formed but
        /// lacks what a page needs, or that only the full parse finds malformed, is a typed error straight away.
        /// </summary>
        public async Task<ISpringPage<T>> GetPageAsync<T>(string pathAndQuery, string itemsProperty, Func<JsonReader, T> readItem, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var operation = "GET " + StripQuery(pathAndQuery);
                var (buffer, length) = await SendAsync(HttpMethod.Get, pathAndQuery, null, safe: true, HttpCompletionOption.ResponseHeadersRead,
                    content => ReceiveAsync(content, operation, cancellationToken), cancellationToken).ConfigureAwait(false);
                try
                {
                    var next = ISpringPageScan.NextPageToken(buffer, length);
                    return new ISpringPage<T>(next, () => ParsePage(buffer, length, pathAndQuery, itemsProperty, readItem));
                }
                catch (ISpringShapeException e)
                {
                    _buffers.Return(buffer);
                    throw WrongShape(pathAndQuery, e);
                }
                catch (JsonException) when (attempt < 2)
                {
                    // A body cut short in transit: a GET can simply be asked again.
                    _buffers.Return(buffer);
                }
                catch (JsonException e)
                {
                    _buffers.Return(buffer);
                    throw Unreadable("GET", pathAndQuery, e);
                }
            }
        }

        /// <summary>A POST that only reads (a search): safe to retry.</summary>
        public async Task<JToken> PostReadAsync(string path, JToken body, CancellationToken cancellationToken)
        {
            var text = await SendAsync(HttpMethod.Post, path, body, safe: true, cancellationToken).ConfigureAwait(false);
            try
            {
                return ISpringWireReader.Parse(text);
            }
            catch (JsonException e)
            {
                throw Unreadable("POST", path, e);
            }
        }

        /// <summary>A create (201 + id). Not retried: a lost answer could mean it was created.</summary>
        public async Task<string> CreateAsync(string path, JToken body, string idProperty, CancellationToken cancellationToken)
        {
            var text = await SendAsync(HttpMethod.Post, path, body, safe: false, cancellationToken).ConfigureAwait(false);
            try
            {
                return ISpringWireReader.CreatedId(text, idProperty);
            }
            catch (JsonException e)
            {
                throw Unreadable("POST", path, e);
            }
        }

        /// <summary>A write whose answer carries nothing. <paramref name="idempotent"/> = sending it twice leaves the same state (status, replace-all), so it may be retried.</summary>
        public Task PostAsync(string path, JToken body, bool idempotent, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, path, body, idempotent, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, path, null, safe: true, cancellationToken);

        private Task<string> SendAsync(HttpMethod method, string pathAndQuery, JToken? body, bool safe, CancellationToken cancellationToken) =>
            SendAsync(method, pathAndQuery, body, safe, HttpCompletionOption.ResponseContentRead,
                content => content == null ? Task.FromResult("") : content.ReadAsStringAsync(), cancellationToken);

        /// <summary>
        /// Sends and hands a successful answer's content to <paramref name="readSuccess"/>. With
        /// <see cref="HttpCompletionOption.ResponseContentRead"/> HttpClient has already buffered the body (a connection
        /// lost mid-body is an unreachable server); with <see cref="HttpCompletionOption.ResponseHeadersRead"/>
        /// <paramref name="readSuccess"/> receives it itself (the adaptive limit's slot is already free once the headers are in).
        /// </summary>
        private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, JToken? body, bool safe, HttpCompletionOption completion,
            Func<HttpContent?, Task<T>> readSuccess, CancellationToken cancellationToken)
        {
            var operation = method.Method + " " + StripQuery(pathAndQuery);
            using (var request = new HttpRequestMessage(method, _baseUrl + pathAndQuery))
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (body != null) request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
                if (safe) request.MarkSafeToRetry();
                var sent = await ISpringApiException.OrUnreachableAsync(_http.SendAsync(request, completion, cancellationToken), operation).ConfigureAwait(false);
                using (var response = sent)
                {
                    if (response.IsSuccessStatusCode) return await readSuccess(response.Content).ConfigureAwait(false);
                    var text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var (code, message) = ReadError(text);
                    throw new ISpringApiException(operation, (int)response.StatusCode, code, message);
                }
            }
        }

        /// <summary>
        /// The whole body into a pooled buffer (<see cref="ByteBufferPool.ReceiveAsync"/>); a connection lost mid-body is an
        /// unreachable server, as when HttpClient buffers it.
        /// </summary>
        private Task<(byte[] Buffer, int Length)> ReceiveAsync(HttpContent? content, string operation, CancellationToken cancellationToken) =>
            ISpringApiException.OrUnreachableAsync(_buffers.ReceiveAsync(content, cancellationToken), operation);

        /// <summary>Parses a received page's items and hands its buffer back; errors as <see cref="GetPageAsync"/> reports them.</summary>
        private IReadOnlyList<T> ParsePage<T>(byte[] buffer, int length, string pathAndQuery, string itemsProperty, Func<JsonReader, T> readItem)
        {
            try
            {
                return ISpringStreamReader.Read(buffer, length, reader => ISpringStreamReader.Page(reader, itemsProperty, readItem)).Items;
            }
            catch (ISpringShapeException e)
            {
                throw WrongShape(pathAndQuery, e);
            }
            catch (JsonException e)
            {
                throw Unreadable("GET", pathAndQuery, e);
            }
            finally
            {
                _buffers.Return(buffer);
            }
        }

        /// <summary>iSpring's <c>ErrorResponse {code, message}</c>, or the start of whatever else came back.</summary>
        internal static (int? Code, string? Message) ReadError(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return (null, null);
            try
            {
                if (ISpringWireReader.Parse(body) is JObject o && o["message"] != null)
                    return ((int?)o["code"], (string?)o["message"]);
            }
            catch (JsonException)
            {
                // Not JSON (an HTML error page, XML): fall through to quoting its start.
            }
            catch (ArgumentException)
            {
                // "code" was not a number: quote the body instead.
            }
            var trimmed = body.Trim();
            return (null, trimmed.Length > 200 ? trimmed.Substring(0, 200) + "…" : trimmed);
        }

        private static ISpringApiException WrongShape(string pathAndQuery, ISpringShapeException e) =>
            new ISpringApiException("GET " + StripQuery(pathAndQuery), 0, null, e.Message, "The answer did not have the fields expected; check BaseUrl points at the iSpring Learn API.", e);

        private static ISpringApiException Unreadable(string method, string path, Exception e) =>
            new ISpringApiException(method + " " + StripQuery(path), 0, null, e.Message, "The answer was not the JSON expected (cut short or not JSON); try again, and check BaseUrl points at the iSpring Learn API.", e);

        private static string StripQuery(string pathAndQuery)
        {
            var q = pathAndQuery.IndexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.Substring(0, q);
        }

        public void Dispose()
        {
            _http.Dispose();
        }
    }
}
