using System;
using LmsSync.Core.Storage;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Profiles
{
    /// <summary>What Get-SfLmsProfile shows of a saved profile: where it connects, whether it runs, and how its last run went. No secrets.</summary>
    public sealed class SavedProfile
    {
        public string Name { get; set; } = "";

        /// <summary>The login or My Domain URL the profile signs in at.</summary>
        public string SalesforceUrl { get; set; } = "";

        public SalesforceSignIn SignIn { get; set; }

        public string? SalesforceUser { get; set; }

        public LmsKind LmsType { get; set; }

        public string LmsUrl { get; set; } = "";

        /// <summary>The LMS connection options (Set-SfLmsConnectionOption); never a secret.</summary>
        public ConnectionOptionSettings LmsOptions { get; set; } = new ConnectionOptionSettings();

        /// <summary>False when Set-SfLmsOption -Enabled:$false switched its runs off.</summary>
        public bool Enabled { get; set; }

        /// <summary>When its last recorded run started; null before the first.</summary>
        public DateTimeOffset? LastRun { get; set; }

        public RunStatus? LastStatus { get; set; }

        /// <summary>The folder holding its settings, secrets, state and history.</summary>
        public string Folder { get; set; } = "";

        /// <summary>The summary of a loaded profile and its run history.</summary>
        public static SavedProfile From(SfLmsProfile profile, ProfilePaths paths)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            if (paths == null) throw new ArgumentNullException(nameof(paths));
            var last = RunHistoryFile.LastRun(paths);
            return new SavedProfile
            {
                Name = profile.Name,
                SalesforceUrl = profile.Salesforce.Url,
                SignIn = profile.Salesforce.SignIn,
                SalesforceUser = profile.Salesforce.Username,
                LmsType = profile.Lms.Kind,
                LmsUrl = profile.Lms.Url,
                LmsOptions = ConnectionOptionSettings.From(profile.Name, profile.Lms),
                Enabled = profile.Sync.Options.Enabled,
                LastRun = last?.Started,
                LastStatus = last?.Status,
                Folder = paths.Folder,
            };
        }

        public override string ToString() => $"{Name}: Salesforce {SalesforceUrl} ↔ {LmsType} {LmsUrl}";
    }
}
