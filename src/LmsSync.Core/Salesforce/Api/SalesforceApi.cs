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
    /// Every REST call goes through here: at the session's instance URL with its bearer token; one
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
        public async Task<T> GetAsync<T>(string pathAndQuery, Func<JsonReader, T> read, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null)
        {
            var what = "GET " + PathOnly(pathAndQuery);
            var session = await _sessions.GetAsync(cancellationToken).ConfigureAwait(false);
            var response = await SendAsync(session, pathAndQuery, headers, what, cancellationToken).ConfigureAwait(false);
            try
            {
                if ((int)response.StatusCode == 401)
                {
                    var body = await ReadTextAsync(response).ConfigureAwait(false);
                    var error = ApiError.TryParse(body);
                    ThrowUnlessSessionExpired(error, body, what, session);
                    _log.Verbose($"Salesforce session expired during {what}; signing in again.");
                    response.Dispose();
                    session = await _sessions.RenewAsync(session, cancellationToken).ConfigureAwait(false);
                    response = await SendAsync(session, pathAndQuery, headers, what, cancellationToken).ConfigureAwait(false);
                    if ((int)response.StatusCode == 401)
                    {
                        var again = await ReadTextAsync(response).ConfigureAwait(false);
                        var second = ApiError.TryParse(again);
                        throw new SalesforceAuthenticationException(
                            $"Salesforce refused a freshly signed-in session for {what}: {second?.ErrorCode ?? "HTTP 401"}: {second?.Message ?? BodySnippet.From(again, Secrets(session))}.",
                            second?.ErrorCode, second?.Message,
                            "The session is revoked as soon as it is issued: check the integration user has 'API Enabled', the connected app's IP restrictions and session policies, and that the user is not frozen.");
                    }
                }

                RecordUsage(response);
                var bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw ErrorFor(response, bytes, what, session);
                return ReadJson(response, bytes, read, what, session);
            }
            finally
            {
                response.Dispose();
            }
        }

        private async Task<HttpResponseMessage> SendAsync(SalesforceSession session, string pathAndQuery, Action<HttpRequestHeaders>? headers, string what, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.InstanceUrl, pathAndQuery)))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretText.Reveal(session.AccessToken));
                headers?.Invoke(request.Headers);
                try
                {
                    return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
                throw Unreadable(what, (int)response.StatusCode, contentType, bytes, e.Message, session);
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
