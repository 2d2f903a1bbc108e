using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Errors;
using Newtonsoft.Json;

namespace LmsSync.Core.Salesforce.Api
{
    /// <summary>
    /// Every REST call (and Bulk 2.0's) goes through here: at the session's instance URL with its bearer token; one
    /// re-sign-in and replay on an expired session; API usage read from each response; error bodies
    /// turned into typed exceptions; JSON read with dates left as text (the record reader converts them).
    /// Transient failures were already retried below, by <see cref="Http.RetryingHandler"/>.
    /// </summary>
    internal sealed class SalesforceApi
    {
        // jsforce's lesson: this 401 means the token lacks the 'api' scope, and signing in again won't help.
        private const string NotForRestApi = "not valid for use with the REST API";

        private readonly HttpClient _http;
        private readonly SessionManager _sessions;
        private readonly IActivityLog _log;
        private ApiUsage? _lastUsage;

        public SalesforceApi(HttpClient http, SessionManager sessions, string apiVersion, IActivityLog log)
        {
            _http = http;
            _sessions = sessions;
            ApiVersion = apiVersion;
            _log = log;
        }

        public string ApiVersion { get; }

        /// <summary>The usage from the most recent response that reported one.</summary>
        public ApiUsage? LastUsage => Volatile.Read(ref _lastUsage);

        /// <summary><c>/services/data/vNN.N/</c> + <paramref name="relative"/>.</summary>
        public string DataPath(string relative) => "/services/data/v" + ApiVersion + "/" + relative.TrimStart('/');

        /// <summary>GETs <paramref name="pathAndQuery"/> (relative to the instance URL) and reads the JSON answer with <paramref name="read"/>.</summary>
        public Task<T> GetAsync<T>(string pathAndQuery, Func<JsonReader, T> read, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null) =>
            SendAsync(HttpMethod.Get, pathAndQuery, null, read, cancellationToken, headers);

        /// <summary>Sends <paramref name="json"/> (or no body) with <paramref name="method"/> and reads the JSON answer with <paramref name="read"/>.</summary>
        public async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, string? json, Func<JsonReader, T> read, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null)
        {
            var what = method.Method + " " + PathOnly(pathAndQuery);
            var (response, session) = await SendSignedInAsync(method, pathAndQuery, json, headers, HttpCompletionOption.ResponseContentRead, what, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                RecordUsage(response);
                var bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw ErrorFor(response, bytes, what, session);
                return ReadJson(response, bytes, read, what, session);
            }
        }

        /// <summary>Sends a request whose answer has no body to read (a DELETE's 204); throws the typed error when it fails.</summary>
        public async Task SendAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken)
        {
            var what = method.Method + " " + PathOnly(pathAndQuery);
            var (response, session) = await SendSignedInAsync(method, pathAndQuery, null, null, HttpCompletionOption.ResponseContentRead, what, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                RecordUsage(response);
                if (response.IsSuccessStatusCode) return;
                var bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                throw ErrorFor(response, bytes, what, session);
            }
        }

        /// <summary>
        /// GETs <paramref name="pathAndQuery"/> and hands the body to <paramref name="read"/> as a stream while it
        /// arrives (decompressed), for answers too big to buffer (Bulk CSV pages). Errors are typed as for JSON calls.
        /// </summary>
        public async Task<T> GetStreamAsync<T>(string pathAndQuery, Func<HttpResponseMessage, Stream, Task<T>> read, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null)
        {
            var what = "GET " + PathOnly(pathAndQuery);
            var (response, session) = await SendSignedInAsync(HttpMethod.Get, pathAndQuery, null, headers, HttpCompletionOption.ResponseHeadersRead, what, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                RecordUsage(response);
                if (!response.IsSuccessStatusCode)
                {
                    var bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    throw ErrorFor(response, bytes, what, session);
                }
                using (var stream = response.Content == null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    return await read(response, stream).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Sends with the current session; on a 401 for an expired session, signs in again once and replays.</summary>
        private async Task<(HttpResponseMessage Response, SalesforceSession Session)> SendSignedInAsync(HttpMethod method, string pathAndQuery, string? json,
            Action<HttpRequestHeaders>? headers, HttpCompletionOption completion, string what, CancellationToken cancellationToken)
        {
            var session = await _sessions.GetAsync(cancellationToken).ConfigureAwait(false);
            var response = await SendAsync(session, method, pathAndQuery, json, headers, completion, what, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode != 401) return (response, session);
            try
            {
                var body = await ReadTextAsync(response).ConfigureAwait(false);
                var error = ApiError.TryParse(body);
                ThrowUnlessSessionExpired(error, body, what, session);
            }
            finally
            {
                response.Dispose();
            }
            _log.Verbose($"Salesforce session expired during {what}; signing in again.");
            session = await _sessions.RenewAsync(session, cancellationToken).ConfigureAwait(false);
            response = await SendAsync(session, method, pathAndQuery, json, headers, completion, what, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode != 401) return (response, session);
            using (response)
            {
                var again = await ReadTextAsync(response).ConfigureAwait(false);
                var second = ApiError.TryParse(again);
                throw new SalesforceAuthenticationException(
                    $"Salesforce refused a freshly signed-in session for {what}: {second?.ErrorCode ?? "HTTP 401"}: {second?.Message ?? BodySnippet.From(again, Secrets(session))}.",
                    second?.ErrorCode, second?.Message,
                    "The session is revoked as soon as it is issued: check the integration user has 'API Enabled', the connected app's IP restrictions and session policies, and that the user is not frozen.");
            }
        }

        private async Task<HttpResponseMessage> SendAsync(SalesforceSession session, HttpMethod method, string pathAndQuery, string? json, Action<HttpRequestHeaders>? headers,
            HttpCompletionOption completion, string what, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(method, new Uri(session.InstanceUrl, pathAndQuery)))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretText.Reveal(session.AccessToken));
                if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                headers?.Invoke(request.Headers);
                try
                {
                    return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException e)
                {
                    throw new SalesforceTimeoutException($"Salesforce did not answer {what} in time: {e.Message} Check the network or proxy; if a query is slow, narrow its WHERE filter to indexed fields.", e);
                }
                catch (HttpRequestException e)
                {
                    throw new SalesforceConnectionException($"Could not reach Salesforce at {session.InstanceUrl.Host} for {what}: {e.Message} (the request was retried). Check the network, proxy and firewall.", e);
                }
            }
        }

        private void ThrowUnlessSessionExpired(ApiError? error, string body, string what, SalesforceSession session)
        {
            if (error != null && error.ErrorCode == "INVALID_SESSION_ID" && error.Message.IndexOf(NotForRestApi, StringComparison.OrdinalIgnoreCase) < 0) return;
            if (body.IndexOf(NotForRestApi, StringComparison.OrdinalIgnoreCase) >= 0)
                throw new SalesforceAuthenticationException(
                    $"Salesforce refused the session for {what}: {error?.Message ?? NotForRestApi}.", error?.ErrorCode, error?.Message,
                    "The access token cannot call the REST API: add the 'api' (Manage user data via APIs) OAuth scope to the connected app, and check the user has 'API Enabled'.");
            throw new SalesforceAuthenticationException(
                $"Salesforce refused the session for {what}: {error?.ErrorCode ?? "HTTP 401"}: {error?.Message ?? BodySnippet.From(body, Secrets(session))}.",
                error?.ErrorCode, error?.Message,
                "Check the connected app's OAuth scopes include 'api' and the integration user has 'API Enabled'.");
        }

        private void RecordUsage(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues(ApiUsage.HeaderName, out var values)) return;
            var usage = ApiUsage.Parse(values.FirstOrDefault());
            if (usage != null) Volatile.Write(ref _lastUsage, usage);
        }

        private Exception ErrorFor(HttpResponseMessage response, byte[] bytes, string what, SalesforceSession session)
        {
            var status = (int)response.StatusCode;
            var text = Decode(bytes);
            var error = ApiError.TryParse(text);
            if (error == null)
            {
                var contentType = response.Content?.Headers.ContentType?.MediaType;
                var advice = status >= 500
                    ? "Salesforce or a proxy in front of it is having trouble (the request was already retried). Try again later; check https://status.salesforce.com."
                    : status == 404 ? $"Check the API version ({ApiVersion}) is one this org has." : "Check the Salesforce URL and any proxy in between.";
                return new SalesforceResponseException(
                    $"Salesforce answered {what} with HTTP {status} ({contentType ?? "no content type"}), not a Salesforce error body: \"{BodySnippet.From(text, Secrets(session))}\". {advice}",
                    status, contentType, BodySnippet.From(text, Secrets(session)));
            }
            if (status == 403 && error.ErrorCode == "REQUEST_LIMIT_EXCEEDED")
                return new SalesforceLimitExceededException(error.Message, error.Fields, what, UsageOf(response) ?? LastUsage);
            return new SalesforceApiException(status, error.ErrorCode, error.Message, error.Fields, what, ApiErrorAdvice.For(error.ErrorCode, status));
        }

        private T ReadJson<T>(HttpResponseMessage response, byte[] bytes, Func<JsonReader, T> read, string what, SalesforceSession session)
        {
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            if (contentType != null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
                throw Unreadable(what, (int)response.StatusCode, contentType, bytes, "the content type is not JSON", session);
            try
            {
                using (var stream = new MemoryStream(bytes, writable: false))
                using (var text = new StreamReader(stream, Encoding.UTF8))
                using (var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, CloseInput = false })
                {
                    return read(json);
                }
            }
            catch (JsonException e)
            {
                throw Unreadable(what, (int)response.StatusCode, contentType, bytes, "the JSON is malformed or cut short (" + e.Message + ")", session);
            }
            catch (InvalidDataException e)
            {
                throw Unreadable(what, (int)response.StatusCode, contentType, bytes, "the JSON is malformed or cut short (" + e.Message + ")", session);
            }
        }

        private static SalesforceResponseException Unreadable(string what, int status, string? contentType, byte[] bytes, string why, SalesforceSession session)
        {
            var snippet = BodySnippet.From(Decode(bytes, 2048), Secrets(session));
            return new SalesforceResponseException(
                $"Salesforce answered {what} with HTTP {status} ({contentType ?? "no content type"}) that could not be read: {why}. The body starts: \"{snippet}\". A proxy or maintenance page may be in the way, or the connection was cut; try again.",
                status, contentType, snippet);
        }

        private static ApiUsage? UsageOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues(ApiUsage.HeaderName, out var values) ? ApiUsage.Parse(values.FirstOrDefault()) : null;

        // Error paths only: the token is revealed so that an echo of it can be redacted from the snippet.
        private static string[] Secrets(SalesforceSession session) => new[] { SecretText.Reveal(session.AccessToken) };

        private static async Task<string> ReadTextAsync(HttpResponseMessage response) =>
            response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);

        private static string Decode(byte[] bytes, int max = int.MaxValue) =>
            Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, max));

        private static string PathOnly(string pathAndQuery)
        {
            var q = pathAndQuery.IndexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.Substring(0, q);
        }
    }
}
