using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// The LMS connection options a profile may carry in <see cref="LmsProfile.Options"/> (names are case-insensitive),
    /// and which LMS's connector reads each: the one place that says so, for the cmdlets' parameters and the check
    /// that refuses an option the profile's LMS would ignore.
    /// </summary>
    public static class ConnectionOptionNames
    {
        public const string SalesforceIdField = "SalesforceIdField";
        public const string InvitationMessage = "InvitationMessage";
        public const string CustomLabels = "CustomLabels";
        public const string AdministratorGroup = "AdministratorGroup";
        public const string WelcomeEmailAttribute = "WelcomeEmailAttribute";
        public const string MaxConcurrency = "MaxConcurrency";

        private static readonly Dictionary<string, LmsKind[]> Readers = new Dictionary<string, LmsKind[]>(StringComparer.OrdinalIgnoreCase)
        {
            [SalesforceIdField] = new[] { LmsKind.ISpring },
            [InvitationMessage] = new[] { LmsKind.ISpring },
            [CustomLabels] = new[] { LmsKind.SkyPrep },
            [AdministratorGroup] = new[] { LmsKind.Scim },
            [WelcomeEmailAttribute] = new[] { LmsKind.Scim },
            // SkyPrep's calls go one at a time (LmsConnectorFactory refuses the option for it).
            [MaxConcurrency] = new[] { LmsKind.ISpring, LmsKind.Scim },
        };

        /// <summary>Every option's name, in the order the documentation lists them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { SalesforceIdField, InvitationMessage, CustomLabels, AdministratorGroup, WelcomeEmailAttribute, MaxConcurrency };

        /// <summary>The option's name as written here, for a name in any case; null when no option has it.</summary>
        public static string? Find(string? name) => All.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>The LMS kinds whose connector reads the option (empty for a name that is no option).</summary>
        public static IReadOnlyList<LmsKind> ReadBy(string name) => Readers.TryGetValue(name, out var kinds) ? kinds : new LmsKind[0];

        public static bool AppliesTo(string name, LmsKind kind) => ReadBy(name).Contains(kind);

        /// <summary>The options a profile of <paramref name="kind"/> uses.</summary>
        public static IReadOnlyList<string> For(LmsKind kind) => All.Where(n => AppliesTo(n, kind)).ToList();
    }
}
