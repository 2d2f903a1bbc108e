using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// What Get-SfLmsConnectionOption shows: a profile's LMS connection options (no URL, account or secret). A null
    /// option is not set: the connector's default holds (see <see cref="ConnectionOptionNames"/> for which LMS reads which).
    /// </summary>
    public sealed class ConnectionOptionSettings
    {
        public string Profile { get; set; } = "";

        public LmsKind LmsType { get; set; }

        /// <summary>iSpring: the custom profile field (name or label) that keeps the Salesforce Id.</summary>
        public string? SalesforceIdField { get; set; }

        /// <summary>iSpring: the invitation message sent with welcome emails.</summary>
        public string? InvitationMessage { get; set; }

        /// <summary>SkyPrep: the account's custom labels.</summary>
        public IReadOnlyList<string> CustomLabels { get; set; } = new string[0];

        /// <summary>SCIM: the group whose members are LMS administrators.</summary>
        public string? AdministratorGroup { get; set; }

        /// <summary>SCIM: the vendor attribute that switches the welcome email.</summary>
        public string? WelcomeEmailAttribute { get; set; }

        /// <summary>iSpring, SCIM: the ceiling of requests in flight; null = the client's default (iSpring 32, SCIM 16).</summary>
        public int? MaxConcurrency { get; set; }

        /// <summary>The options of a profile's LMS section; a MaxConcurrency that is no whole number is a <see cref="ProfileException"/>.</summary>
        public static ConnectionOptionSettings From(string profile, LmsProfile lms) => new ConnectionOptionSettings
        {
            Profile = profile,
            LmsType = lms.Kind,
            SalesforceIdField = LmsConnectors.Option(lms, ConnectionOptionNames.SalesforceIdField),
            InvitationMessage = LmsConnectors.Option(lms, ConnectionOptionNames.InvitationMessage),
            CustomLabels = LmsConnectors.Labels(lms),
            AdministratorGroup = LmsConnectors.Option(lms, ConnectionOptionNames.AdministratorGroup),
            WelcomeEmailAttribute = LmsConnectors.Option(lms, ConnectionOptionNames.WelcomeEmailAttribute),
            MaxConcurrency = LmsConnectors.Concurrency(lms),
        };

        /// <summary>The options that are set, as <c>Name=value</c> pairs (empty when none is): the one-line form tables show.</summary>
        public override string ToString()
        {
            var set = new List<string>();
            Add(set, ConnectionOptionNames.SalesforceIdField, SalesforceIdField);
            Add(set, ConnectionOptionNames.InvitationMessage, InvitationMessage);
            Add(set, ConnectionOptionNames.CustomLabels, CustomLabels.Count == 0 ? null : string.Join(", ", CustomLabels));
            Add(set, ConnectionOptionNames.AdministratorGroup, AdministratorGroup);
            Add(set, ConnectionOptionNames.WelcomeEmailAttribute, WelcomeEmailAttribute);
            Add(set, ConnectionOptionNames.MaxConcurrency, MaxConcurrency?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return string.Join("; ", set);
        }

        private static void Add(List<string> set, string name, string? value)
        {
            if (value != null) set.Add(name + "=" + value);
        }
    }
}
