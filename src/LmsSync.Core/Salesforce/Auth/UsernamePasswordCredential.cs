using System;
using System.Security;
using LmsSync.Core.Diagnostics;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// Legacy OAuth 2.0 username-password flow (password + security token). Still works where the org
    /// allows it, but Salesforce blocks it by default and is retiring it — every use warns.
    /// </summary>
    public sealed class UsernamePasswordCredential : SalesforceCredential
    {
        public const string RetirementWarning =
            "The Salesforce username-password sign-in is legacy: Salesforce blocks it by default in new orgs and is retiring it for connected apps. Move to the JWT bearer flow (certificate) or client credentials.";

        private readonly SecureString _password;
        private readonly SecureString? _securityToken;
        private readonly SecureString? _clientSecret;

        public UsernamePasswordCredential(string username, SecureString password, SecureString? securityToken, SecureString? clientSecret)
        {
            if (string.IsNullOrWhiteSpace(username)) throw new ArgumentException("The username-password flow needs the username.", nameof(username));
            if (password == null || password.Length == 0) throw new ArgumentException("The username-password flow needs the password.", nameof(password));
            UsernameValue = username.Trim();
            _password = SecretText.Copy(password);
            _securityToken = securityToken == null || securityToken.Length == 0 ? null : SecretText.Copy(securityToken);
            _clientSecret = clientSecret == null || clientSecret.Length == 0 ? null : SecretText.Copy(clientSecret);
        }

        public override string FlowName => "username-password";

        public override string? Username => UsernameValue;

        private string UsernameValue { get; }

        internal override void CheckUsable(LoginTarget target, IActivityLog log) => log.Warning(RetirementWarning);

        internal override FormBody BuildTokenRequest(TokenRequestContext context)
        {
            var body = new FormBody()
                .Add("grant_type", "password")
                .Add("client_id", context.ClientId);
            if (_clientSecret != null) body.Add("client_secret", SecretText.Reveal(_clientSecret));
            // Salesforce wants the security token appended to the password.
            var password = SecretText.Reveal(_password) + (_securityToken == null ? "" : SecretText.Reveal(_securityToken));
            return body.Add("username", UsernameValue).Add("password", password);
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _password.Dispose();
            _securityToken?.Dispose();
            _clientSecret?.Dispose();
        }
    }
}
