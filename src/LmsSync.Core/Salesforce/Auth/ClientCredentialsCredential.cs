using System;
using System.Security;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// OAuth 2.0 client credentials flow: consumer key + secret; Salesforce signs in the app's Run As
    /// user. Works only at the org's My Domain host.
    /// </summary>
    public sealed class ClientCredentialsCredential : SalesforceCredential
    {
        private readonly SecureString _clientSecret;

        public ClientCredentialsCredential(SecureString clientSecret)
        {
            if (clientSecret == null || clientSecret.Length == 0) throw new ArgumentException("The client credentials flow needs the client secret (consumer secret).", nameof(clientSecret));
            _clientSecret = SecretText.Copy(clientSecret);
        }

        public override string FlowName => "client credentials";

        internal override void CheckUsable(LoginTarget target, IActivityLog log)
        {
            if (target.IsGenericLoginHost)
                throw new SalesforceAuthenticationException(
                    $"The client credentials flow cannot sign in at {target.LoginUrl.Host}.", null, null,
                    "Use the org's My Domain URL instead (https://yourdomain.my.salesforce.com, or https://yourdomain--sandbox.sandbox.my.salesforce.com for a sandbox; see Setup > My Domain).");
        }

        internal override FormBody BuildTokenRequest(TokenRequestContext context) =>
            new FormBody()
                .Add("grant_type", "client_credentials")
                .Add("client_id", context.ClientId)
                .Add("client_secret", SecretText.Reveal(_clientSecret));

        protected override void Dispose(bool disposing)
        {
            if (disposing) _clientSecret.Dispose();
        }
    }
}
