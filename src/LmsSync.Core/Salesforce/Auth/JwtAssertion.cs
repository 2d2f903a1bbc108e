using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// The signed JWT of the OAuth 2.0 JWT bearer flow: header <c>{"alg":"RS256"}</c>, claims
    /// iss (client id), sub (username), aud (login/test), exp (seconds), signed RSA-SHA256 PKCS#1 v1.5.
    /// </summary>
    public static class JwtAssertion
    {
        /// <summary>Salesforce accepts an exp at most 3 minutes ahead; 2 leaves room for a slightly fast clock.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

        public static string Create(string clientId, string username, string audience, DateTimeOffset now, X509Certificate2 certificate)
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("The client id (consumer key) is empty.", nameof(clientId));
            if (string.IsNullOrWhiteSpace(username)) throw new ArgumentException("The username to sign in as is empty.", nameof(username));
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));

            var header = new JObject { ["alg"] = "RS256" };
            var claims = new JObject
            {
                ["iss"] = clientId,
                ["sub"] = username,
                ["aud"] = audience,
                ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
            };
            var signingInput = Base64Url(Json(header)) + "." + Base64Url(Json(claims));
            var signature = Sign(Encoding.ASCII.GetBytes(signingInput), certificate);
            return signingInput + "." + Base64Url(signature);
        }

        internal static byte[] Sign(byte[] data, X509Certificate2 certificate)
        {
            if (!certificate.HasPrivateKey)
                throw new ArgumentException($"The certificate {certificate.Thumbprint} has no private key, so it cannot sign the sign-in request. Use the PFX (with its private key), or a store certificate whose private key is on this machine.");
            using (var rsa = certificate.GetRSAPrivateKey())
            {
                if (rsa == null)
                    throw new ArgumentException($"The certificate {certificate.Thumbprint} does not have an RSA key; Salesforce's JWT flow signs with RS256 only. Create an RSA (2048-bit or larger) certificate.");
                return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }

        internal static string Base64Url(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        internal static byte[] FromBase64Url(string text)
        {
            var s = text.Replace('-', '+').Replace('_', '/');
            switch (s.Length % 4)
            {
                case 2: s += "=="; break;
                case 3: s += "="; break;
            }
            return Convert.FromBase64String(s);
        }

        private static byte[] Json(JObject value) => Encoding.UTF8.GetBytes(value.ToString(Newtonsoft.Json.Formatting.None));
    }
}
