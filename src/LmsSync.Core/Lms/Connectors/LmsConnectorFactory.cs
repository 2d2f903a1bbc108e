using System;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>Builds the connector for a profile's LMS from its connection settings.</summary>
    public static class LmsConnectorFactory
    {
        /// <summary>Throws <see cref="ArgumentException"/> naming the setting to fix when one is missing or malformed.</summary>
        public static ILmsConnector Create(LmsConnectionSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.Url)) throw new ArgumentException($"The {settings.Kind} URL is missing: give -LmsUrl.", nameof(settings));
            CheckOptions(settings);
            switch (settings.Kind)
            {
                case LmsKind.ISpring:
                    return new ISpringConnector(new ISpringClientOptions
                    {
                        BaseUrl = settings.Url,
                        ClientId = settings.Account ?? "",
                        ClientSecret = settings.Secret,
                        SalesforceIdField = settings.SalesforceIdField,
                        DefaultInvitationMessage = settings.InvitationMessage,
                        MaxConcurrentRequests = settings.MaxConcurrency ?? ISpringCapabilities.DefaultMaxConcurrentRequests,
                        Log = settings.Log,
                    });
                case LmsKind.SkyPrep:
                    var skyPrep = new SkyPrepConnectorOptions();
                    foreach (var label in settings.CustomLabels) skyPrep.CustomLabels.Add(label);
                    return new SkyPrepConnector(new SkyPrepClientOptions
                    {
                        BaseUrl = settings.Url,
                        AcctKey = settings.Account ?? "",
                        ApiKey = settings.Secret,
                    }, skyPrep);
                case LmsKind.Scim:
                    if (settings.Secret == null || settings.Secret.Length == 0)
                        throw new ArgumentException("The SCIM bearer token is missing: give it as the credential's password.", nameof(settings));
                    return new ScimConnector(new ScimClientOptions
                    {
                        BaseUrl = settings.Url,
                        Token = settings.Secret,
                        WelcomeEmailAttribute = settings.WelcomeEmailAttribute,
                        MaxConcurrency = settings.MaxConcurrency ?? ScimCapabilities.DefaultMaxConcurrency,
                        Log = settings.Log,
                    }, new ScimConnectorOptions { AdministratorGroup = settings.AdministratorGroup });
                default:
                    throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown LMS kind.");
            }
        }

        /// <summary>
        /// The rules on the per-LMS options alone (no connector is built, no secret needed), for a change to check before
        /// it is saved; throws <see cref="ArgumentException"/> naming the option, as <see cref="Create"/> does.
        /// </summary>
        public static void CheckOptions(LmsConnectionSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (!(settings.MaxConcurrency is int ceiling)) return;
            if (settings.Kind == LmsKind.SkyPrep)
                throw new ArgumentException("MaxConcurrency does not apply to SkyPrep: it documents 100 calls a minute and no concurrent calls, so its calls go one at a time. Remove the option.", nameof(settings));
            if (ceiling < 1 || ceiling > LmsConnectionSettings.MaxConcurrencyCeiling)
                throw new ArgumentException($"MaxConcurrency must be from 1 to {LmsConnectionSettings.MaxConcurrencyCeiling}, not {ceiling}.", nameof(settings));
        }
    }
}
