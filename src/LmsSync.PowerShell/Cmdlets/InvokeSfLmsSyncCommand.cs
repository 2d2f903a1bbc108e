using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Views;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Sync;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Invoke-SfLmsSync: one run — read both ends, plan, apply — for everyone, or only for the users piped in.
    /// -WhatIf returns the plan's rows. ConfirmImpact is Medium so unattended runs never prompt; with -Confirm the
    /// run is confirmed once and then every deactivation one by one.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SfLmsSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RunSummary), typeof(UserResult), typeof(UserPreview))]
    public sealed class InvokeSfLmsSyncCommand : SfLmsConnectedCmdlet
    {
        private const int ActivityId = 0x5F3;
        private const string Activity = "Invoke-SfLmsSync";

        private readonly List<string> _ids = new List<string>();

        /// <summary>Sync only these users (Get-SfLmsUser rows bind by property name); everyone when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public string[]? SalesforceId { get; set; }

        /// <summary>Run this saved profile without a prior Connect-SfLms (the scheduled form).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        /// <summary>Apply the plan even when it deactivates more users than the profile's MaxDeprovision allows.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Read every Salesforce user (a full reconcile) even when an incremental read would do.</summary>
        [Parameter]
        public SwitchParameter Full { get; set; }

        /// <summary>Write each user's result instead of the run summary.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>End the PowerShell process with the run's exit code (0 success, 1 failed, 2 partial, 3 blocked, 4 disabled).</summary>
        [Parameter]
        public SwitchParameter ExitWithStatus { get; set; }

        protected override void ProcessRecord()
        {
            if (SalesforceId != null) _ids.AddRange(SalesforceId.Where(id => !string.IsNullOrWhiteSpace(id)));
        }

        protected override void EndProcessing()
        {
            // An empty pipeline (a filter that matched nobody) must never turn into a sync of everyone.
            if (MyInvocation.ExpectingInput && _ids.Count == 0)
            {
                WriteWarning("No users came through the pipeline, so nothing was synced. Run Invoke-SfLmsSync on its own to sync everyone.");
                return;
            }
            var only = _ids.Count == 0 ? null : _ids.Distinct(StringComparer.Ordinal).ToList();
            var scope = only == null ? "every user" : $"{only.Count} user(s)";
            var source = Profile == null ? "the current connection" : $"profile '{Profile}'";
            if (!ShouldProcess($"Sync {scope} of {source} from Salesforce to the LMS.", $"Sync {scope} of {source} from Salesforce to the LMS?", Activity, out var reason))
            {
                if (reason == ShouldProcessReason.WhatIf) WritePlan(only);
                return;
            }
            Report(Apply(new RunRequest { OnlySalesforceIds = only, Force = Force, Full = Full }));
        }

        private void WritePlan(IReadOnlyCollection<string>? only) => WithProgress(() => RunConnected(async (queue, token) =>
        {
            var session = await GetSessionAsync(Profile, token).ConfigureAwait(false);
            var preview = await new SyncEngine(session).PreviewAsync(new PreviewRequest { OnlySalesforceIds = only },
                new ProgressReporter(queue, ActivityId, Activity), token).ConfigureAwait(false);
            PreviewNotes.Write(queue, preview);
            foreach (var row in preview.Rows) queue.WriteObject(UserPreview.From(row));
            return true;
        }));

        private RunSummary Apply(RunRequest request) => WithProgress(() => RunConnected(async (queue, token) =>
        {
            var session = await GetSessionAsync(Profile, token).ConfigureAwait(false);
            var observer = new QueueRunObserver(queue, new ProgressReporter(queue, ActivityId, Activity), PassThru);
            return await new SyncEngine(session).RunAsync(request, observer, token).ConfigureAwait(false);
        }));

        private T WithProgress<T>(Func<T> work)
        {
            try { return work(); }
            finally { ProgressReporter.Complete(this, ActivityId, Activity); }
        }

        private void Report(RunSummary summary)
        {
            if (PassThru) WriteVerbose(summary.ToString());
            else WriteObject(summary);
            var error = RunOutcome.ErrorFor(summary);
            var warning = RunOutcome.WarningFor(summary);
            if (warning != null) WriteWarning(warning);
            if (ExitWithStatus)
            {
                // The schedule's contract: the process ends with the run's code, so the error must not end the script first.
                if (error != null) WriteError(error);
                Host.SetShouldExit((int)ScheduleExitCodes.For(summary.Status));
                return;
            }
            if (error != null) ThrowTerminatingError(error);
        }
    }
}
