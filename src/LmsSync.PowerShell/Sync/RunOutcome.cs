using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.Core.Scheduling;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>How a finished run's status reaches the user: a terminating error, a warning, or neither.</summary>
    internal static class RunOutcome
    {
        /// <summary>The error that ends Invoke-SfLmsSync: blocked by the guard, or failed as a whole; otherwise null.</summary>
        public static ErrorRecord? ErrorFor(RunSummary summary)
        {
            switch (summary.Status)
            {
                case RunStatus.BlockedByDeprovisionGuard:
                    return SfLmsCmdlet.NewError(ErrorIds.DeprovisionThresholdExceeded, ErrorCategory.LimitsExceeded,
                        (summary.Message ?? "The run would deactivate more users than MaxDeprovision allows, so nothing was written.")
                        + " Review the deactivations with Invoke-SfLmsSync -WhatIf | Where-Object Action -eq Deactivate, then run Invoke-SfLmsSync -Force to apply them.",
                        summary);
                case RunStatus.Failed:
                    var id = summary.ErrorId != null && summary.ErrorId.StartsWith("SfLms.", System.StringComparison.Ordinal) ? summary.ErrorId : ErrorIds.RunFailed;
                    return SfLmsCmdlet.NewError(id, ErrorCategory.InvalidOperation,
                        summary.Message ?? $"Run {summary.RunId} failed. See Get-SfLmsSyncHistory -RunId {summary.RunId} and the profile's logs.", summary);
                default:
                    return null;
            }
        }

        public static string? WarningFor(RunSummary summary)
        {
            switch (summary.Status)
            {
                case RunStatus.Disabled:
                    return summary.Message ?? "This profile's sync is switched off, so nothing was done. Switch it on with Set-SfLmsOption -Enabled.";
                case RunStatus.PartiallyFailed:
                    var failed = summary.Statuses.TryGetValue(ResultStatus.Failure, out var n) ? n : 0;
                    return $"{failed} user(s) failed (see the errors above, or Get-SfLmsSyncHistory -RunId {summary.RunId} | Where-Object Status -eq Failure); the other changes were applied.";
                case RunStatus.Cancelled:
                    return summary.Message ?? "The run was stopped; changes already made were kept and recorded, and the next run carries on from there.";
                default:
                    return null;
            }
        }
    }
}
