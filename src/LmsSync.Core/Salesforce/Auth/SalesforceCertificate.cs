using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>Finds the certificate whose private key signs the JWT: a PFX file, or the Windows certificate store.</summary>
    public static class SalesforceCertificate
    {
        /// <summary>Opens a PFX (PKCS#12) file; the password stays a SecureString throughout.</summary>
        public static X509Certificate2 FromPfxFile(string path, SecureString? password)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The certificate path is empty. Give the path of the .pfx file.", nameof(path));
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new SalesforceAuthenticationException($"The certificate file '{full}' does not exist.", null, null, "Give the path of the .pfx file whose certificate is uploaded to the connected app.");
            try
            {
                var certificate = new X509Certificate2(full, password ?? new SecureString(), KeyStorageFlags());
                RequireSigningKey(certificate, $"The certificate in '{full}'");
                return certificate;
            }
            catch (CryptographicException e)
            {
                // The framework's text ("The specified network password is not correct") is vague; say it plainly.
                throw new SalesforceAuthenticationException($"Could not open the certificate file '{full}' ({e.GetType().Name}).", null, null,
                    "Check the certificate password, and that the file is a PFX/PKCS#12 file that includes the private key.", e);
            }
        }

        /// <summary>
        /// A certificate with a private key from CurrentUser\My, then LocalMachine\My (what a scheduled task
        /// running as a service account can see). Windows only.
        /// </summary>
        public static X509Certificate2 FromStore(string thumbprint)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                throw new SalesforceAuthenticationException("The certificate store (by thumbprint) is Windows-only.", null, null,
                    "On this system give the certificate as a PFX file with its password instead (-CertificatePath).");
            var wanted = NormalizeThumbprint(thumbprint);
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using (var store = new X509Store(StoreName.My, location))
                {
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false).Cast<X509Certificate2>().FirstOrDefault();
                    if (found == null) continue;
                    RequireSigningKey(found, $"The certificate {wanted} in {location}\\My");
                    return found;
                }
            }
            throw new SalesforceAuthenticationException($"No certificate with thumbprint {wanted} in CurrentUser\\My or LocalMachine\\My.", null, null,
                "Import the certificate with its private key into one of those stores for the account that runs the sync, or give a PFX file instead.");
        }

        /// <summary>Thumbprints copied from the certificate dialog carry spaces and an invisible left-to-right mark.</summary>
        public static string NormalizeThumbprint(string thumbprint)
        {
            var builder = new StringBuilder();
            foreach (var c in thumbprint ?? "")
            {
                if (Uri.IsHexDigit(c)) builder.Append(char.ToUpperInvariant(c));
                else if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
                    throw new ArgumentException($"'{thumbprint}' is not a certificate thumbprint (40 hex digits).", nameof(thumbprint));
            }
            if (builder.Length != 40)
                throw new ArgumentException($"'{thumbprint}' is not a certificate thumbprint (40 hex digits).", nameof(thumbprint));
            return builder.ToString();
        }

        private static void RequireSigningKey(X509Certificate2 certificate, string what)
        {
            if (!certificate.HasPrivateKey)
                throw new SalesforceAuthenticationException($"{what} has no private key.", null, null,
                    "The JWT flow signs with the private key: use the PFX exported with its private key, not the .crt/.cer uploaded to Salesforce.");
        }

        // EphemeralKeySet (32; netstandard2.0 lacks the name) keeps the private key in memory instead of a key
        // file in the user profile. macOS does not support it, and Windows PowerShell's .NET Framework only
        // from 4.7.2, so there the default applies.
        private const X509KeyStorageFlags EphemeralKeySet = (X509KeyStorageFlags)32;

        private static X509KeyStorageFlags KeyStorageFlags() =>
            RuntimeInformation.IsOSPlatform(OSPlatform.OSX) || RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)
                ? X509KeyStorageFlags.DefaultKeySet
                : EphemeralKeySet;
    }
}
