using System;
using System.Security;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// OAuth 2.0 refresh token flow: a refresh token from a one-time interactive consent buys access
    /// tokens unattended. When the app rotates refresh tokens, the new one replaces the old here and
    /// <see cref="Rotated"/> tells the owner to store it.
    /// </summary>
    public sealed class RefreshTokenCredential : SalesforceCredential
    {
        private readonly object _gate = new object();
        private readonly SecureString? _clientSecret;
        private SecureString _refreshToken;

        public RefreshTokenCredential(SecureString refreshToken, SecureString? clientSecret = null)
        {
            if (refreshToken == null || refreshToken.Length == 0) throw new ArgumentException("The refresh token flow needs the refresh token.", nameof(refreshToken));
            _refreshToken = SecretText.Copy(refreshToken);
            _clientSecret = clientSecret == null || clientSecret.Length == 0 ? null : SecretText.Copy(clientSecret);
        }

        public override string FlowName => "refresh token";

        /// <summary>Raised with the new refresh token when Salesforce rotated it (the old one no longer works).</summary>
        public event Action<SecureString>? Rotated;

        internal override FormBody BuildTokenRequest(TokenRequestContext context)
        {
            var body = new FormBody().Add("grant_type", "refresh_token");
            lock (_gate) body.Add("refresh_token", SecretText.Reveal(_refreshToken));
            body.Add("client_id", context.ClientId);
            if (_clientSecret != null) body.Add("client_secret", SecretText.Reveal(_clientSecret));
            return body;
        }

        internal override void OnSignedIn(JObject response)
        {
            var rotated = response.Value<string>("refresh_token");
            if (string.IsNullOrEmpty(rotated)) return;
            var secure = SecretText.Protect(rotated!);
            lock (_gate)
            {
                _refreshToken.Dispose();
                _refreshToken = secure;
            }
            Rotated?.Invoke(SecretText.Copy(secure));
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            lock (_gate) _refreshToken.Dispose();
            _clientSecret?.Dispose();
        }
    }
}
