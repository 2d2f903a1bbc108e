using System;
using System.Globalization;
using System.Linq;
using System.Security;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Profiles
{
    /// <summary>The LMS connector of a profile's LMS section, through the connectors' factory.</summary>
    internal static class LmsConnectors
    {
        // Connector choices a profile may carry in Lms.Options (names are case-insensitive).
        public const string SalesforceIdField = "SalesforceIdField";
        public const string InvitationMessage = "InvitationMessage";
        public const string CustomLabels = "CustomLabels";
        public const string AdministratorGroup = "AdministratorGroup";
        public const string WelcomeEmailAttribute = "WelcomeEmailAttribute";
        public const string MaxConcurrency = "MaxConcurrency";

        public static ILmsConnector Create(LmsProfile lms, SecureString? secret, IActivityLog log)
        {
            if (secret == null || secret.Length == 0)
                throw new ProfileException(ProfileErrorKind.Invalid,
                    $"The profile has no saved {lms.Kind} secret (the LMS credential's password). Connect again with Connect-SfLms -LmsCredential ... -Save.");
            if (lms.Kind != LmsKind.Scim && string.IsNullOrWhiteSpace(lms.UserName))
                throw new ProfileException(ProfileErrorKind.Invalid, lms.Kind == LmsKind.ISpring
                    ? "The iSpring Learn client id is missing: give it as the user name of -LmsCredential."
                    : "The SkyPrep account key (the platform domain, e.g. acme.skyprepapp.com) is missing: give it as the user name of -LmsCredential.");
            var settings = new LmsConnectionSettings
            {
                Kind = lms.Kind,
                Url = lms.Url.Trim(),
                Account = lms.UserName?.Trim(),
                Secret = secret,
                SalesforceIdField = Option(lms, SalesforceIdField),
                InvitationMessage = Option(lms, InvitationMessage),
                CustomLabels = (Option(lms, CustomLabels) ?? "").Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray(),
                AdministratorGroup = Option(lms, AdministratorGroup),
                WelcomeEmailAttribute = Option(lms, WelcomeEmailAttribute),
                MaxConcurrency = Concurrency(lms),
                Log = log,
            };
            try
            {
                return LmsConnectorFactory.Create(settings);
            }
            catch (ArgumentException e)
            {
                throw new ProfileException(ProfileErrorKind.Invalid, e.Message, e);
            }
        }

        /// <summary>The MaxConcurrency option as a whole number; null when the profile has none.</summary>
        private static int? Concurrency(LmsProfile lms)
        {
            var text = Option(lms, MaxConcurrency);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            throw new ProfileException(ProfileErrorKind.Invalid,
                $"The profile's LMS option {MaxConcurrency} is '{text}', not a whole number; give one from 1 to {LmsConnectionSettings.MaxConcurrencyCeiling}, or remove it for the default.");
        }

        private static string? Option(LmsProfile lms, string name)
        {
            foreach (var pair in lms.Options)
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(pair.Value)) return pair.Value.Trim();
            return null;
        }
    }
}
