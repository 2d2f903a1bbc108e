using System.Collections.Generic;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// Everything a connection needs except its secrets: where Salesforce and the LMS are, how to sign in,
    /// and what to sync. Saved as readable, indented profile.json; the secrets live in <see cref="ProfileSecrets"/>.
    /// </summary>
    public sealed class SfLmsProfile
    {
        /// <summary>The profile's name (its folder under profiles/); <c>default</c> when never named.</summary>
        public string Name { get; set; } = Storage.ProfileName.Default;

        public SalesforceProfile Salesforce { get; set; } = new SalesforceProfile();

        public LmsProfile Lms { get; set; } = new LmsProfile();

        /// <summary>Source, mapping, import rules, scope and options.</summary>
        public SyncConfiguration Sync { get; set; } = new SyncConfiguration();

        /// <summary>A new profile whose mapping is the LMS kind's default (<see cref="LmsFieldCatalog.DefaultMapping"/>).</summary>
        public static SfLmsProfile New(string name, SalesforceProfile salesforce, LmsProfile lms)
        {
            var profile = new SfLmsProfile { Name = name, Salesforce = salesforce, Lms = lms };
            profile.Sync.Mapping = LmsFieldCatalog.DefaultMapping(lms.Kind);
            return profile;
        }
    }

    /// <summary>How the connection signs in to Salesforce (never a secret: those are in the secrets file).</summary>
    public sealed class SalesforceProfile
    {
        /// <summary>https://login.salesforce.com, https://test.salesforce.com, or the org's My Domain URL.</summary>
        public string Url { get; set; } = "https://login.salesforce.com";

        /// <summary>The connected app's consumer key.</summary>
        public string ClientId { get; set; } = "";

        public SalesforceSignIn SignIn { get; set; } = SalesforceSignIn.JwtCertificateFile;

        /// <summary>The integration user's username (JWT and username-password).</summary>
        public string? Username { get; set; }

        /// <summary>The PFX file of the JWT certificate (its password is a secret).</summary>
        public string? CertificatePath { get; set; }

        /// <summary>The JWT certificate's thumbprint in the Windows certificate store.</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>REST API version; null = the client's default.</summary>
        public string? ApiVersion { get; set; }

        /// <summary>JWT audience override; null derives it from the URL.</summary>
        public string? Audience { get; set; }
    }

    /// <summary>The Salesforce sign-in flows a profile can use.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SalesforceSignIn
    {
        /// <summary>JWT bearer flow with a PFX file and its password.</summary>
        JwtCertificateFile,
        /// <summary>JWT bearer flow with a certificate from the Windows store.</summary>
        JwtCertificateThumbprint,
        /// <summary>Client credentials flow (consumer secret; My Domain URL).</summary>
        ClientCredentials,
        /// <summary>Refresh token flow (token from a one-time consent).</summary>
        RefreshToken,
        /// <summary>Legacy username-password flow (password + security token).</summary>
        UsernamePassword,
    }

    /// <summary>Where the LMS is and who the connection signs in as (its secret is in the secrets file).</summary>
    public sealed class LmsProfile
    {
        public LmsKind Kind { get; set; } = LmsKind.SkyPrep;

        /// <summary>The LMS API URL (iSpring API host, SkyPrep API host, SCIM base URL).</summary>
        public string Url { get; set; } = "";

        /// <summary>
        /// The user-name part of the LMS credential: the iSpring client id, the SkyPrep account key (platform
        /// domain), or anything for SCIM (only the token counts).
        /// </summary>
        public string? UserName { get; set; }

        private Dictionary<string, string> _options = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Connector choices by name, in any case (e.g. iSpring <c>SalesforceIdField</c>); passed to the connector factory
        /// as they are. Whatever dictionary is set (the profile file's reader makes a new one) is copied into one that
        /// ignores case; of two names differing only in case, the later wins.
        /// </summary>
        public Dictionary<string, string> Options
        {
            get => _options;
            set
            {
                var options = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
                if (value != null)
                    foreach (var pair in value) options[pair.Key] = pair.Value;
                _options = options;
            }
        }
    }
}
