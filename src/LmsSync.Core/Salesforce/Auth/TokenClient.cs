using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// Posts one token request (<c>/services/oauth2/token</c>) and turns the answer into a
    /// <see cref="SalesforceSession"/> or a <see cref="SalesforceAuthenticationException"/> that says what to fix.
    /// </summary>
    internal sealed class TokenClient
    {
        private readonly HttpClient _http;
        private readonly LoginTarget _target;
        private readonly string _clientId;
        private readonly SalesforceCredential _credential;
        private readonly Func<DateTimeOffset> _clock;
        private readonly IActivityLog _log;
        private int _generation;

        public TokenClient(HttpClient http, LoginTarget target, string clientId, SalesforceCredential credential, Func<DateTimeOffset> clock, IActivityLog log)
        {
            _http = http;
            _target = target;
            _clientId = clientId;
            _credential = credential;
            _clock = clock;
            _log = log;
        }

        public async Task<SalesforceSession> SignInAsync(CancellationToken cancellationToken)
        {
            _log.Verbose($"Signing in to Salesforce at {_target.LoginUrl.GetLeftPart(UriPartial.Authority)} ({_credential}).");
            string body;
            int status;
            string? contentType;
            using (var request = new HttpRequestMessage(HttpMethod.Post, _target.TokenEndpoint))
            {
                request.Content = _credential.BuildTokenRequest(new TokenRequestContext(_clientId, _target, _clock())).ToContent();
                request.Headers.Accept.ParseAdd("application/json");
                // A token POST changes nothing on the server, so a 5xx or dropped connection may be retried.
                request.MarkSafeToRetry();
                using (var response = await SendAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    status = (int)response.StatusCode;
                    contentType = response.Content?.Headers.ContentType?.MediaType;
                    body = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
            }

            var json = TryParseObject(body);
            if (json == null)
                throw new SalesforceAuthenticationException(
                    $"Salesforce sign-in ({_credential}) at {_target.LoginUrl.Host} answered HTTP {status} ({contentType ?? "no content type"}) that is not a token response: \"{BodySnippet.From(body)}\".",
                    null, null,
                    status >= 500 ? "The login service is having trouble (the request was already retried); try again later." : "Check that the login URL is a Salesforce login or My Domain URL.");

            var error = json.Value<string>("error");
            if (error != null || status < 200 || status > 299)
            {
                var description = json.Value<string>("error_description");
                throw new SalesforceAuthenticationException(
                    $"Salesforce sign-in ({_credential}) at {_target.LoginUrl.Host} failed: {error ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture)}: {description ?? "(no description)"}.",
                    error, description, TokenErrorAdvice.For(error, description, _credential.FlowName, _target));
            }

            var session = ReadSession(json);
            _credential.OnSignedIn(json);
            _log.Verbose($"Signed in to Salesforce; calling the API at {session.InstanceUrl.GetLeftPart(UriPartial.Authority)}.");
            return session;
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new SalesforceTimeoutException($"Salesforce sign-in at {_target.LoginUrl.Host} did not answer in time: {e.Message} Check the network or proxy, and that the login URL is right.", e);
            }
            catch (HttpRequestException e)
            {
                throw new SalesforceConnectionException($"Could not reach the Salesforce login service at {_target.LoginUrl.Host}: {e.Message} Check the login URL, DNS, proxy and firewall.", e);
            }
        }

        private SalesforceSession ReadSession(JObject json)
        {
            var tokenType = json.Value<string>("token_type");
            if (tokenType != null && !string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
                throw new SalesforceAuthenticationException(
                    $"Salesforce issued a '{tokenType}' token; this client uses Bearer tokens only.", null, null,
                    "Turn off sender-constrained (DPoP) tokens for this connected app, or use another app.");

            var accessToken = json.Value<string>("access_token");
            var instance = json.Value<string>("instance_url");
            if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(instance))
                throw new SalesforceAuthenticationException("Salesforce's token response lacks access_token or instance_url.", null, null,
                    "Check that the login URL is a Salesforce login or My Domain URL.");

            Uri instanceUrl;
            try
            {
                instanceUrl = EndpointGuard.RequireSecure(instance!, "The instance_url Salesforce returned");
            }
            catch (ArgumentException e)
            {
                throw new SalesforceAuthenticationException(e.Message, null, null, "Refusing to send the access token there.");
            }

            DateTimeOffset? issuedAt = null;
            if (long.TryParse(json.Value<string>("issued_at"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);

            return new SalesforceSession(
                new Uri(instanceUrl.GetLeftPart(UriPartial.Authority) + "/"),
                SecretText.Protect(accessToken!),
                json.Value<string>("id"),
                issuedAt,
                json.Value<string>("scope"),
                Interlocked.Increment(ref _generation));
        }

        private static JObject? TryParseObject(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using (var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None })
                    return JToken.ReadFrom(reader) as JObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
