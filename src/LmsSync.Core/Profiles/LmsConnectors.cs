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
        /// <summary>The separators of the CustomLabels option's list of labels.</summary>
        public static readonly char[] LabelSeparators = { ',', ';' };

        public static ILmsConnector Create(LmsProfile lms, SecureString? secret, IActivityLog log)
        {
            if (secret == null || secret.Length == 0)
                throw new ProfileException(ProfileErrorKind.Invalid,
                    $"The profile has no saved {lms.Kind} secret (the LMS credential's password). Connect again with Connect-SfLms -LmsCredential ... -Save.");
            if (lms.Kind != LmsKind.Scim && string.IsNullOrWhiteSpace(lms.UserName))
                throw new ProfileException(ProfileErrorKind.Invalid, lms.Kind == LmsKind.ISpring
                    ? "The iSpring Learn client id is missing: give it as the user name of -LmsCredential."
                    : "The SkyPrep account key (the platform domain, e.g. acme.skyprepapp.com) is missing: give it as the user name of -LmsCredential.");
            var settings = Settings(lms);
            settings.Secret = secret;
            settings.Log = log;
            try
            {
                return LmsConnectorFactory.Create(settings);
            }
            catch (ArgumentException e)
            {
                throw new ProfileException(ProfileErrorKind.Invalid, e.Message, e);
            }
        }

        /// <summary>The factory's settings of the LMS section, without the secret and the log.</summary>
        public static LmsConnectionSettings Settings(LmsProfile lms) => new LmsConnectionSettings
        {
            Kind = lms.Kind,
            Url = lms.Url.Trim(),
            Account = lms.UserName?.Trim(),
            SalesforceIdField = Option(lms, ConnectionOptionNames.SalesforceIdField),
            InvitationMessage = Option(lms, ConnectionOptionNames.InvitationMessage),
            CustomLabels = Labels(lms),
            AdministratorGroup = Option(lms, ConnectionOptionNames.AdministratorGroup),
            WelcomeEmailAttribute = Option(lms, ConnectionOptionNames.WelcomeEmailAttribute),
            MaxConcurrency = Concurrency(lms),
        };

        /// <summary>The CustomLabels option as its labels (kept as one text, the labels separated by commas).</summary>
        public static string[] Labels(LmsProfile lms) =>
            (Option(lms, ConnectionOptionNames.CustomLabels) ?? "").Split(LabelSeparators, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        /// <summary>The MaxConcurrency option as a whole number; null when the profile has none.</summary>
        public static int? Concurrency(LmsProfile lms)
        {
            var text = Option(lms, ConnectionOptionNames.MaxConcurrency);
            if (text == null) return null;
            // A sign is read, so that a negative number meets the factory's range rule rather than "not a whole number".
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            throw new ProfileException(ProfileErrorKind.Invalid,
                $"The profile's LMS option {ConnectionOptionNames.MaxConcurrency} is '{text}', not a whole number; give one from 1 to {LmsConnectionSettings.MaxConcurrencyCeiling}, or remove it for the default.");
        }

        /// <summary>A text option, trimmed; null when the profile has none (or only blanks).</summary>
        public static string? Option(LmsProfile lms, string name)
        {
            foreach (var pair in lms.Options)
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(pair.Value)) return pair.Value.Trim();
            return null;
        }
    }
}
