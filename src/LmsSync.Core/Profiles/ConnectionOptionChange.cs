using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LmsSync.Core.Lms.Connectors;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// One change of a profile's LMS connection options (Connect-SfLms, Set-SfLmsConnectionOption). Null members stay
    /// as they are; an empty text or an empty label list clears that option; <see cref="Clear"/> removes options by name
    /// (the connector's default holds again).
    /// </summary>
    public sealed class ConnectionOptionChange
    {
        public string? SalesforceIdField { get; set; }
        public string? InvitationMessage { get; set; }
        public IReadOnlyList<string>? CustomLabels { get; set; }
        public string? AdministratorGroup { get; set; }
        public string? WelcomeEmailAttribute { get; set; }
        public int? MaxConcurrency { get; set; }

        /// <summary>Names of options to remove (<see cref="ConnectionOptionNames"/>, any case).</summary>
        public IReadOnlyList<string> Clear { get; set; } = new string[0];

        /// <summary>Nothing to change (the members as given: reading them never throws, unlike <see cref="ApplyTo"/>).</summary>
        public bool IsEmpty => SalesforceIdField == null && InvitationMessage == null && CustomLabels == null && AdministratorGroup == null
            && WelcomeEmailAttribute == null && MaxConcurrency == null && Clear.Count == 0;

        /// <summary>
        /// A copy of <paramref name="lms"/> with the change; <paramref name="lms"/> itself is never touched, so a refused
        /// change leaves nothing half-done. Throws <see cref="ProfileException"/>: <see cref="ProfileErrorKind.OptionNotApplicable"/>
        /// for an option set that the profile's LMS does not read, <see cref="ProfileErrorKind.InvalidValue"/> for a value
        /// the connectors' factory refuses or a name that is no option.
        /// </summary>
        public LmsProfile ApplyTo(LmsProfile lms)
        {
            if (lms == null) throw new ArgumentNullException(nameof(lms));
            var copy = new LmsProfile { Kind = lms.Kind, Url = lms.Url, UserName = lms.UserName, Options = lms.Options };
            var cleared = Clear.Select(name => ConnectionOptionNames.Find(name)
                ?? throw Invalid($"'{name}' is no LMS connection option; use one of {string.Join(", ", ConnectionOptionNames.All)}.")).ToList();
            foreach (var name in cleared) copy.Options.Remove(name);
            foreach (var pair in Values().Where(v => v.Value != null))
            {
                if (cleared.Contains(pair.Key))
                    throw Invalid($"{pair.Key} is both given and cleared; give it, or clear it.");
                copy.Options.Remove(pair.Key);
                if (pair.Value!.Length == 0) continue; // an empty value clears, whatever the LMS
                if (!ConnectionOptionNames.AppliesTo(pair.Key, lms.Kind))
                    throw new ProfileException(ProfileErrorKind.OptionNotApplicable,
                        $"The connection option {pair.Key} applies to {string.Join(" and ", ConnectionOptionNames.ReadBy(pair.Key))} only, and this profile's LMS is {lms.Kind}: leave it out. " +
                        $"{lms.Kind} reads {Describe(ConnectionOptionNames.For(lms.Kind))}. Nothing was changed.");
                copy.Options[pair.Key] = pair.Value;
            }
            try
            {
                LmsConnectorFactory.CheckOptions(LmsConnectors.Settings(copy));
            }
            catch (ArgumentException e)
            {
                throw Invalid(e.Message + " Nothing was changed.", e);
            }
            return copy;
        }

        /// <summary>The options this change sets, as the profile keeps them (text; "" clears; null leaves as is).</summary>
        private IEnumerable<KeyValuePair<string, string?>> Values()
        {
            yield return Pair(ConnectionOptionNames.SalesforceIdField, Text(SalesforceIdField));
            yield return Pair(ConnectionOptionNames.InvitationMessage, Text(InvitationMessage));
            yield return Pair(ConnectionOptionNames.CustomLabels, CustomLabels == null ? null : Labels(CustomLabels));
            yield return Pair(ConnectionOptionNames.AdministratorGroup, Text(AdministratorGroup));
            yield return Pair(ConnectionOptionNames.WelcomeEmailAttribute, Text(WelcomeEmailAttribute));
            yield return Pair(ConnectionOptionNames.MaxConcurrency, MaxConcurrency?.ToString(CultureInfo.InvariantCulture));
        }

        private static KeyValuePair<string, string?> Pair(string name, string? value) => new KeyValuePair<string, string?>(name, value);

        private static string? Text(string? value) => value?.Trim();

        /// <summary>The labels as the profile keeps them: one text, separated by commas; a label cannot hold a separator.</summary>
        private static string Labels(IReadOnlyList<string> labels)
        {
            var clean = labels.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var bad = clean.FirstOrDefault(l => l.IndexOfAny(LmsConnectors.LabelSeparators) >= 0);
            if (bad != null)
                throw Invalid($"The custom label '{bad}' holds a ',' or ';', which separate the labels the profile keeps; give each label on its own.");
            return string.Join(", ", clean);
        }

        private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "no connection option" : string.Join(", ", names);

        private static ProfileException Invalid(string message, Exception? inner = null) => new ProfileException(ProfileErrorKind.InvalidValue, message, inner);
    }
}
