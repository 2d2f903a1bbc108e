using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// The OAuth client-credentials token (<c>POST /api/v3/token</c>, 1800 s). Single-flight: however many requests
    /// need a token or saw a 401 at once, one sign-in happens and they all use its token.
    /// </summary>
    internal sealed class ISpringTokenSource : IDisposable
    {
        private readonly HttpMessageInvoker _http;
        private readonly Uri _tokenUri;
        private readonly ISpringClientOptions _options;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private volatile Token? _current;
        private int _signIns;

        public ISpringTokenSource(HttpMessageInvoker http, Uri tokenUri, ISpringClientOptions options)
        {
            _http = http;
            _tokenUri = tokenUri;
            _options = options;
        }

        /// <summary>How many times this client signed in (tests assert single-flight with it).</summary>
        public int SignIns => Volatile.Read(ref _signIns);

        /// <summary>A token that is not near its stated expiry, signing in if needed.</summary>
        public async Task<string> GetAsync(CancellationToken cancellationToken)
        {
            var current = _current;
            if (current != null && !current.IsDue(_options.Clock(), _options.TokenRefreshMargin)) return current.Value;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                current = _current;
                if (current != null && !current.IsDue(_options.Clock(), _options.TokenRefreshMargin)) return current.Value;
                return (_current = await SignInAsync(cancellationToken).ConfigureAwait(false)).Value;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>After a 401 with <paramref name="rejected"/>: signs in again unless another caller already did.</summary>
        public async Task<string> RenewAsync(string rejected, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _current;
                if (current != null && !string.Equals(current.Value, rejected, StringComparison.Ordinal)) return current.Value;
                return (_current = await SignInAsync(cancellationToken).ConfigureAwait(false)).Value;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Token> SignInAsync(CancellationToken cancellationToken)
        {
            const string operation = "POST /api/v3/token";
            Interlocked.Increment(ref _signIns);
            var form = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("client_id", _options.ClientId),
                new KeyValuePair<string, string>("client_secret", SecureStrings.ToPlain(_options.ClientSecret!)),
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
            });
            using (var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri) { Content = form }.MarkSafeToRetry())
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                var started = _options.Clock();
                var sent = await ISpringApiException.SendOrUnreachableAsync(_http, request, operation, cancellationToken).ConfigureAwait(false);
                using (var response = sent)
                {
                    var body = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        var (code, message) = ISpringHttp.ReadError(body);
                        var status = (int)response.StatusCode;
                        var advice = status == 400 || status == 401 || status == 403
                            ? "iSpring Learn did not accept the API key: check the client id and secret (Account settings → API in iSpring Learn), and that the account has the REST API (Business plan)."
                            : null;
                        throw new ISpringApiException(operation, status, code, message, advice);
                    }
                    try
                    {
                        var json = (JObject)ISpringWireReader.Parse(body);
                        var token = (string?)json["access_token"];
                        if (string.IsNullOrEmpty(token)) throw new JsonReaderException("access_token is missing.");
                        var seconds = (int?)json["expires_in"] ?? ISpringCapabilities.TokenLifetimeSeconds;
                        return new Token(token!, started + TimeSpan.FromSeconds(seconds));
                    }
                    catch (Exception e) when (e is JsonException || e is InvalidCastException || e is FormatException)
                    {
                        throw new ISpringApiException(operation, 0, null, null, "The token answer was not the expected JSON; check BaseUrl points at the iSpring Learn API host.", e);
                    }
                }
            }
        }

        public void Dispose() => _gate.Dispose();

        private sealed class Token
        {
            public Token(string value, DateTimeOffset expiresAt)
            {
                Value = value;
                ExpiresAt = expiresAt;
            }

            public string Value { get; }
            public DateTimeOffset ExpiresAt { get; }

            public bool IsDue(DateTimeOffset now, TimeSpan margin) => now >= ExpiresAt - margin;

            /// <summary>Never the token itself.</summary>
            public override string ToString() => "iSpring access token, expires " + ExpiresAt.ToString("u");
        }
    }
}
