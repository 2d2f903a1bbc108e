using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// OAuth 2.0 JWT bearer flow: the preferred unattended sign-in. A JWT signed with the certificate's
    /// private key stands in for any password; no secret travels.
    /// </summary>
    public sealed class JwtBearerCredential : SalesforceCredential
    {
        private readonly X509Certificate2 _certificate;
        private readonly bool _ownsCertificate;

        /// <param name="username">The integration user's Salesforce username (sandbox usernames carry the sandbox suffix).</param>
        /// <param name="certificate">A certificate with its RSA private key; the caller keeps ownership.</param>
        public JwtBearerCredential(string username, X509Certificate2 certificate)
            : this(username, certificate, ownsCertificate: false)
        {
        }

        private JwtBearerCredential(string username, X509Certificate2 certificate, bool ownsCertificate)
        {
            if (string.IsNullOrWhiteSpace(username)) throw new ArgumentException("The JWT flow needs the Salesforce username to sign in as.", nameof(username));
            UsernameValue = username.Trim();
            _certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
            _ownsCertificate = ownsCertificate;
        }

        /// <summary>Signs with the certificate in a PFX file (opened now, so a wrong password fails here).</summary>
        public static JwtBearerCredential FromPfxFile(string username, string path, SecureString? password) =>
            new JwtBearerCredential(username, SalesforceCertificate.FromPfxFile(path, password), ownsCertificate: true);

        /// <summary>Signs with a certificate from the Windows certificate store (CurrentUser\My, then LocalMachine\My).</summary>
        public static JwtBearerCredential FromStore(string username, string thumbprint) =>
            new JwtBearerCredential(username, SalesforceCertificate.FromStore(thumbprint), ownsCertificate: true);

        public override string FlowName => "JWT bearer";

        public override string? Username => UsernameValue;

        private string UsernameValue { get; }

        /// <summary>The signing certificate's thumbprint (public, for messages and setup checks).</summary>
        public string Thumbprint => _certificate.Thumbprint;

        internal override FormBody BuildTokenRequest(TokenRequestContext context) =>
            new FormBody()
                .Add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .Add("assertion", JwtAssertion.Create(context.ClientId, UsernameValue, context.Target.Audience, context.Now, _certificate));

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsCertificate) _certificate.Dispose();
        }
    }
}
