using System;
using System.Collections.Generic;
using System.Security;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// A profile's secrets, each a <see cref="SecureString"/>; null when the sign-in does not use it. Stored by
    /// <see cref="ProfileStore"/> in the protected secrets file, never in profile.json.
    /// </summary>
    public sealed class ProfileSecrets
    {
        // The keys in the secrets file; stable, since saved files use them.
        internal const string ClientSecretKey = "salesforce.clientSecret";
        internal const string RefreshTokenKey = "salesforce.refreshToken";
        internal const string CertificatePasswordKey = "salesforce.certificatePassword";
        internal const string PasswordKey = "salesforce.password";
        internal const string SecurityTokenKey = "salesforce.securityToken";
        internal const string LmsSecretKey = "lms.secret";

        /// <summary>The connected app's consumer secret (client credentials; optional for refresh token and password flows).</summary>
        public SecureString? SalesforceClientSecret { get; set; }
        public SecureString? SalesforceRefreshToken { get; set; }
        public SecureString? SalesforceCertificatePassword { get; set; }
        public SecureString? SalesforcePassword { get; set; }
        public SecureString? SalesforceSecurityToken { get; set; }

        /// <summary>The iSpring client secret, the SkyPrep API key, or the SCIM bearer token.</summary>
        public SecureString? LmsSecret { get; set; }

        internal IReadOnlyDictionary<string, SecureString> ToDictionary()
        {
            var values = new Dictionary<string, SecureString>(StringComparer.OrdinalIgnoreCase);
            Add(values, ClientSecretKey, SalesforceClientSecret);
            Add(values, RefreshTokenKey, SalesforceRefreshToken);
            Add(values, CertificatePasswordKey, SalesforceCertificatePassword);
            Add(values, PasswordKey, SalesforcePassword);
            Add(values, SecurityTokenKey, SalesforceSecurityToken);
            Add(values, LmsSecretKey, LmsSecret);
            return values;
        }

        internal static ProfileSecrets FromDictionary(IReadOnlyDictionary<string, SecureString> values) => new ProfileSecrets
        {
            SalesforceClientSecret = Get(values, ClientSecretKey),
            SalesforceRefreshToken = Get(values, RefreshTokenKey),
            SalesforceCertificatePassword = Get(values, CertificatePasswordKey),
            SalesforcePassword = Get(values, PasswordKey),
            SalesforceSecurityToken = Get(values, SecurityTokenKey),
            LmsSecret = Get(values, LmsSecretKey),
        };

        private static void Add(Dictionary<string, SecureString> values, string key, SecureString? value)
        {
            if (value != null && value.Length > 0) values[key] = value;
        }

        private static SecureString? Get(IReadOnlyDictionary<string, SecureString> values, string key) =>
            values.TryGetValue(key, out var value) ? value : null;
    }
}
