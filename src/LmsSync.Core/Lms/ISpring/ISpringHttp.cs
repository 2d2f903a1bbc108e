using System;
using System.IO;
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
        /// One page of a <c>pageSize</c>/<c>pageToken</c> list, read token by token from the response's stream (no body
        /// string, no page DOM). Like <see cref="GetAsync"/>, a body that does not parse is fetched once more; one that
        /// parses but lacks what a page needs is a typed error straight away (asking again gives the same answer).
        /// </summary>
        public async Task<ISpringPage<T>> GetPageAsync<T>(string pathAndQuery, string itemsProperty, Func<JsonReader, T> readItem, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await SendAsync(HttpMethod.Get, pathAndQuery, null, safe: true, content => ReadPageAsync(content, itemsProperty, readItem), cancellationToken).ConfigureAwait(false);
                }
                catch (ISpringShapeException e)
                {
                    throw new ISpringApiException("GET " + StripQuery(pathAndQuery), 0, null, e.Message, "The answer did not have the fields expected; check BaseUrl points at the iSpring Learn API.", e);
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
            SendAsync(method, pathAndQuery, body, safe, content => content == null ? Task.FromResult("") : content.ReadAsStringAsync(), cancellationToken);

        /// <summary>
        /// Sends and hands a successful answer's content to <paramref name="readSuccess"/>. HttpClient has already
        /// buffered the body (so a connection lost mid-body is an unreachable server here, retried below), which
        /// lets a page be parsed synchronously from memory without blocking a thread on the socket.
        /// </summary>
        private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, JToken? body, bool safe, Func<HttpContent?, Task<T>> readSuccess, CancellationToken cancellationToken)
        {
            var operation = method.Method + " " + StripQuery(pathAndQuery);
            using (var request = new HttpRequestMessage(method, _baseUrl + pathAndQuery))
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (body != null) request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
                if (safe) request.MarkSafeToRetry();
                var sent = await ISpringApiException.SendOrUnreachableAsync(_http, request, operation, cancellationToken).ConfigureAwait(false);
                using (var response = sent)
                {
                    if (response.IsSuccessStatusCode) return await readSuccess(response.Content).ConfigureAwait(false);
                    var text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var (code, message) = ReadError(text);
                    throw new ISpringApiException(operation, (int)response.StatusCode, code, message);
                }
            }
        }

        private static async Task<ISpringPage<T>> ReadPageAsync<T>(HttpContent? content, string itemsProperty, Func<JsonReader, T> readItem)
        {
            using (var stream = content == null ? Stream.Null : await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var text = new StreamReader(stream, Encoding.UTF8))
            using (var reader = ISpringStreamReader.Open(text))
                return ISpringStreamReader.Page(reader, itemsProperty, readItem);
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
