using System.Security;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Where an LMS is and how to sign in, as a profile keeps it: the URL, the non-secret credential part
    /// (iSpring's client id, SkyPrep's account key; none for SCIM) and the secret (iSpring's client secret,
    /// SkyPrep's API key, SCIM's bearer token) — a PSCredential's user name and password — plus per-LMS options.
    /// </summary>
    public sealed class LmsConnectionSettings
    {
        public LmsKind Kind { get; set; }

        /// <summary>The API URL (iSpring API host, SkyPrep API host, SCIM base URL before <c>/Users</c>).</summary>
        public string Url { get; set; } = "";

        /// <summary>iSpring: the API key's client id. SkyPrep: the account key (platform domain). SCIM: unused.</summary>
        public string? Account { get; set; }

        /// <summary>iSpring: the client secret. SkyPrep: the API key. SCIM: the bearer token.</summary>
        public SecureString? Secret { get; set; }

        /// <summary>iSpring: the custom profile field (name or label) that keeps the Salesforce Id; null = none.</summary>
        public string? SalesforceIdField { get; set; }

        /// <summary>iSpring: the invitation message sent with welcome emails.</summary>
        public string? InvitationMessage { get; set; }

        /// <summary>SkyPrep: the account's custom labels.</summary>
        public string[] CustomLabels { get; set; } = new string[0];

        /// <summary>SCIM: the group whose members are LMS administrators; null = none.</summary>
        public string? AdministratorGroup { get; set; }

        /// <summary>SCIM: the vendor attribute that switches the welcome email; null = the service has none.</summary>
        public string? WelcomeEmailAttribute { get; set; }

        /// <summary>
        /// iSpring, SCIM: the ceiling of the adaptive limit on requests in flight (the clients' MaxConcurrentRequests,
        /// MaxConcurrency), from 1 to <see cref="MaxConcurrencyCeiling"/>; null = the client's default (iSpring 32, SCIM 16). SkyPrep refuses
        /// it: its calls go one at a time.
        /// </summary>
        public int? MaxConcurrency { get; set; }

        /// <summary>
        /// The most <see cref="MaxConcurrency"/> may be: far above what an LMS that documents no limit should be asked to
        /// take from one client, and each request in flight holds a connection.
        /// </summary>
        public const int MaxConcurrencyCeiling = 64;

        /// <summary>iSpring, SCIM: where the client says why it slowed down; null = nowhere.</summary>
        public IActivityLog? Log { get; set; }
    }
}
