using System;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// The switches of a sync profile (SkyPrep's and iSpring's connector settings, and more). Plain and
    /// settable so that profiles serialise to JSON. Every switch that removes access is off by default,
    /// except the termination-date action, which only acts when <see cref="TerminationDateField"/> is set.
    /// </summary>
    public sealed class SyncOptions
    {
        /// <summary>When false, a plan is still computed (previews work) but is marked not to be applied.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>A Salesforce date or datetime field holding the last day of work; null to ignore terminations.</summary>
        public string? TerminationDateField { get; set; }

        /// <summary>What a termination date that is today or earlier (in <see cref="TimeZone"/>) does. Future dates do nothing yet.</summary>
        public TerminationDateAction TerminationDateAction { get; set; } = TerminationDateAction.DisableLogin;

        /// <summary>An IANA (<c>Pacific/Auckland</c>) or Windows (<c>New Zealand Standard Time</c>) id; "today" is the date there.</summary>
        public string TimeZone { get; set; } = "UTC";

        /// <summary>The LMS sends its welcome email to users the integration creates (where the LMS lets us choose).</summary>
        public bool SendWelcomeEmail { get; set; }

        /// <summary>Linked users leave integration-managed groups their Salesforce data no longer puts them in.</summary>
        public bool RemoveFromStaleGroups { get; set; }

        /// <summary>Deactivate linked users who left Salesforce or became inactive there.</summary>
        public bool DeactivateMissingUsers { get; set; }

        /// <summary>Deactivate linked users an import rule or the scope now skips.</summary>
        public bool DeactivateOutOfScope { get; set; }

        /// <summary>Reactivate deactivated LMS users who are active (and in scope) in Salesforce again.</summary>
        public bool ReactivateReturningUsers { get; set; }

        /// <summary>Delete departments the integration created once no user is left in them.</summary>
        public bool DeleteEmptyDepartments { get; set; }

        /// <summary>The most deactivations one run may make before the plan is blocked; 10% of managed users by default.</summary>
        public DeprovisionLimit MaxDeprovision { get; set; } = DeprovisionLimit.Default;

        /// <summary>
        /// How often a run reads every Salesforce user (a full reconcile) instead of only those changed since the last
        /// run. Only a full read finds users who left the source query (and so deactivates them as NotInSalesforce) and
        /// picks up denormalized parent values (Manager.Email, Profile.Name) that change without touching the user.
        /// One day by default; <see cref="TimeSpan.Zero"/> makes every run full.
        /// </summary>
        public TimeSpan FullReconcileEvery { get; set; } = TimeSpan.FromDays(1);

        /// <summary>
        /// An incremental read starts this long before the stored SystemModstamp watermark, because a long transaction
        /// can commit with an earlier stamp than changes already read. Five minutes by default.
        /// </summary>
        public TimeSpan IncrementalOverlap { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// A full read goes through Salesforce's Bulk API 2.0 instead of the REST query API when the source query
        /// matches at least this many records (counted first with <c>SELECT COUNT()</c>). 50,000 by default; 0 never
        /// uses Bulk. Incremental reads always use REST (they are small).
        /// </summary>
        public int BulkQueryThreshold { get; set; } = DefaultBulkQueryThreshold;

        public const int DefaultBulkQueryThreshold = 50_000;

        /// <summary>The parent of departments the integration creates; null for the LMS's root department.</summary>
        public string? NewDepartmentParentId { get; set; }
    }
}
