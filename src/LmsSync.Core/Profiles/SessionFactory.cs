using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Engine;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Profiles
{
    /// <summary>Choices the caller of <see cref="SessionFactory.OpenAsync"/> may make beyond the profile.</summary>
    public sealed class SessionOptions
    {
        /// <summary>Where the profile's files live (state, journal); null = the default store's folder for the profile.</summary>
        public LmsSyncPaths? Paths { get; set; }

        /// <summary>Salesforce rotated the refresh token: the new one replaces the saved one (the old no longer works).</summary>
        public Action<SecureString>? RefreshTokenRotated { get; set; }

        /// <summary>Retries for Salesforce; null = the default policy.</summary>
        public RetryPolicy? SalesforceRetryPolicy { get; set; }

        /// <summary>Replaces Salesforce's network layer (tests).</summary>
        public HttpMessageHandler? SalesforceNetworkHandler { get; set; }
    }

    /// <summary>
    /// Opens a profile: builds the Salesforce client (the credential its sign-in kind needs) and the LMS
    /// connector, checks BOTH ends (a sign-in and one cheap call each) and returns the engine's session.
    /// Nothing is returned half-open: when either end fails, both clients are closed.
    /// </summary>
    public static class SessionFactory
    {
        public static async Task<SyncSession> OpenAsync(SfLmsProfile profile, ProfileSecrets secrets, IActivityLog log, CancellationToken cancellationToken,
            SessionOptions? options = null)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            if (secrets == null) throw new ArgumentNullException(nameof(secrets));
            log = log ?? NullActivityLog.Instance;
            options = options ?? new SessionOptions();
            ProfileChecks.RequireSecureUrls(profile);
            var paths = (options.Paths ?? LmsSyncPaths.Default()).Profile(profile.Name);

            SalesforceClient? salesforce = null;
            ILmsConnector? lms = null;
            try
            {
                salesforce = new SalesforceClient(SalesforceSettingsFor(profile.Salesforce, secrets, log, options));
                lms = LmsConnectors.Create(profile.Lms, secrets.LmsSecret, log);
                // Both ends at once: a wrong LMS key shows up as fast as a wrong certificate.
                await Task.WhenAll(salesforce.ConnectAsync(cancellationToken), lms.CheckAsync(cancellationToken)).ConfigureAwait(false);
                log.Verbose($"Connected to {profile.Lms.Kind} at {profile.Lms.Url}.");
                return new SyncSession(profile.Name, salesforce, lms, profile.Sync, paths, log: log);
            }
            catch
            {
                lms?.Dispose();
                salesforce?.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The session with its LMS connector rebuilt from <paramref name="lms"/> (new connection options) and checked with
        /// one cheap call, as <see cref="OpenAsync"/> checks it; it shares <paramref name="session"/>'s Salesforce client,
        /// configuration and files. The old connector stays open for whoever still uses it: the caller disposes it once
        /// it has put the new session in its place. When the check fails, the new connector is closed and nothing changes.
        /// </summary>
        public static async Task<SyncSession> RebuildLmsAsync(SyncSession session, LmsProfile lms, ProfileSecrets secrets, CancellationToken cancellationToken)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            if (lms == null) throw new ArgumentNullException(nameof(lms));
            if (secrets == null) throw new ArgumentNullException(nameof(secrets));
            var connector = LmsConnectors.Create(lms, secrets.LmsSecret, session.Log);
            try
            {
                await connector.CheckAsync(cancellationToken).ConfigureAwait(false);
                return new SyncSession(session.ProfileName, session.Salesforce, connector, session.Configuration, session.Paths, session.Clock, session.Log);
            }
            catch
            {
                connector.Dispose();
                throw;
            }
        }

        internal static SalesforceSettings SalesforceSettingsFor(SalesforceProfile profile, ProfileSecrets secrets, IActivityLog log, SessionOptions options)
        {
            var settings = new SalesforceSettings
            {
                LoginUrl = profile.Url,
                ClientId = profile.ClientId ?? "",
                Credential = CredentialFor(profile, secrets, options),
                Audience = string.IsNullOrWhiteSpace(profile.Audience) ? null : profile.Audience,
                Log = log,
                RetryPolicy = options.SalesforceRetryPolicy,
                NetworkHandler = options.SalesforceNetworkHandler,
            };
            if (!string.IsNullOrWhiteSpace(profile.ApiVersion)) settings.ApiVersion = profile.ApiVersion!;
            return settings;
        }

        /// <summary>The credential of the profile's sign-in kind; a missing setting or secret is a <see cref="ProfileException"/> naming it.</summary>
        internal static SalesforceCredential CredentialFor(SalesforceProfile profile, ProfileSecrets secrets, SessionOptions options)
        {
            switch (profile.SignIn)
            {
                case SalesforceSignIn.JwtCertificateFile:
                    return JwtBearerCredential.FromPfxFile(Require(profile.Username, "Salesforce Username"), Require(profile.CertificatePath, "Salesforce CertificatePath"),
                        secrets.SalesforceCertificatePassword);
                case SalesforceSignIn.JwtCertificateThumbprint:
                    return JwtBearerCredential.FromStore(Require(profile.Username, "Salesforce Username"), Require(profile.CertificateThumbprint, "Salesforce CertificateThumbprint"));
                case SalesforceSignIn.ClientCredentials:
                    return new ClientCredentialsCredential(RequireSecret(secrets.SalesforceClientSecret, "the Salesforce client secret"));
                case SalesforceSignIn.RefreshToken:
                    var refresh = new RefreshTokenCredential(RequireSecret(secrets.SalesforceRefreshToken, "the Salesforce refresh token"), secrets.SalesforceClientSecret);
                    if (options.RefreshTokenRotated != null) refresh.Rotated += options.RefreshTokenRotated;
                    return refresh;
                case SalesforceSignIn.UsernamePassword:
                    return new UsernamePasswordCredential(Require(profile.Username, "Salesforce Username"), RequireSecret(secrets.SalesforcePassword, "the Salesforce password"),
                        secrets.SalesforceSecurityToken, secrets.SalesforceClientSecret);
                default:
                    throw new ProfileException(ProfileErrorKind.Invalid, $"The Salesforce sign-in '{profile.SignIn}' is not known; use one of {string.Join(", ", Enum.GetNames(typeof(SalesforceSignIn)))}.");
            }
        }

        private static string Require(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new ProfileException(ProfileErrorKind.Invalid, $"The profile has no {what}, which its Salesforce sign-in needs. Connect again with Connect-SfLms and save the profile.");
            return value!.Trim();
        }

        private static SecureString RequireSecret(SecureString? value, string what)
        {
            if (value == null || value.Length == 0)
                throw new ProfileException(ProfileErrorKind.Invalid, $"The profile has no saved {what}. Connect again with Connect-SfLms ... -Save to store it.");
            return value;
        }
    }
}
