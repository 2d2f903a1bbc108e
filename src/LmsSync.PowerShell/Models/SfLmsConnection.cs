using System;
using LmsSync.Core.Profiles;
using LmsSync.Core.Sync;

namespace LmsSync.PowerShell.Models
{
    /// <summary>What Connect-SfLms -PassThru and Get-SfLmsConnection return: who is connected to what, since when.</summary>
    public sealed class SfLmsConnection
    {
        /// <summary>The profile's name (<c>default</c> when not named).</summary>
        public string Profile { get; set; } = "";

        /// <summary>The login or My Domain URL signed in at.</summary>
        public string SalesforceUrl { get; set; } = "";

        /// <summary>The org's instance URL Salesforce returned.</summary>
        public string? InstanceUrl { get; set; }

        public SalesforceSignIn SignIn { get; set; }

        /// <summary>The Salesforce username (JWT and password flows), or the user id Salesforce reported.</summary>
        public string? SalesforceUser { get; set; }

        public string? OrganizationId { get; set; }

        public string? ApiVersion { get; set; }

        public LmsKind LmsType { get; set; }

        public string LmsUrl { get; set; } = "";

        /// <summary>The LMS connection options the connector uses (Set-SfLmsConnectionOption changes them); never a secret.</summary>
        public ConnectionOptionSettings LmsOptions { get; set; } = new ConnectionOptionSettings();

        public DateTimeOffset ConnectedAt { get; set; }

        /// <summary>The profile is saved on disk; configuration changes are saved to it.</summary>
        public bool Saved { get; set; }

        public override string ToString() => $"{Profile}: Salesforce {InstanceUrl ?? SalesforceUrl} ↔ {LmsType} {LmsUrl}";
    }
}
