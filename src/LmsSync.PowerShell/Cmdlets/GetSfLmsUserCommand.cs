using System;
using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync;
using LmsSync.Core.Views;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Sync;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsUser: every user the integration sees — Salesforce users and the linked LMS users no longer in
    /// Salesforce — each with the action the next sync would take and why. Reads both ends; writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsUser")]
    [OutputType(typeof(UserPreview))]
    public sealed class GetSfLmsUserCommand : SfLmsConnectedCmdlet
    {
        private const int ActivityId = 0x5F1;
        private const string Activity = "Get-SfLmsUser: previewing the sync";

        /// <summary>Only users with these emails; wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Email { get; set; }

        /// <summary>Only users with these names; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only users the sync would treat this way.</summary>
        [Parameter]
        public PlanAction[]? Action { get; set; }

        /// <summary>Only users in these departments (as mapped from Salesforce); wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Department { get; set; }

        /// <summary>Preview this saved profile instead of the current connection.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new UserFilter(Email, Name, Department, Action);
            try
            {
                RunConnected(async (queue, token) =>
            {
                    var session = await GetSessionAsync(Profile, token).ConfigureAwait(false);
                    var progress = new ProgressReporter(queue, ActivityId, Activity);
                    var preview = await new SyncEngine(session).PreviewAsync(new PreviewRequest(), progress, token).ConfigureAwait(false);
                    PreviewNotes.Write(queue, preview);
                    foreach (var row in preview.Rows)
                    {
                        var user = UserPreview.From(row);
                        if (filter.Matches(user)) queue.WriteObject(user);
                    }
                });
            }
            finally
            {
                ProgressReporter.Complete(this, ActivityId, Activity);
            }
        }
    }
}
