using LmsSync.Core.Engine;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>What a preview says about itself, for the verbose and warning streams.</summary>
    internal static class PreviewNotes
    {
        public static void Write(PipelineQueue queue, SyncPreview preview)
        {
            var summary = preview.Plan.Summary;
            queue.WriteVerbose($"Plan: {summary.Create} create, {summary.Update} update, {summary.NoChange} no change, {summary.Skip} skip, {summary.Deactivate} deactivate, {summary.Reactivate} reactivate, {summary.Disputed} disputed.");
            foreach (var note in summary.Notes) queue.WriteVerbose(note);
            if (!preview.SalesforceReadComplete)
                queue.WriteWarning("Salesforce could not be read completely, so nobody is planned for deactivation as having left it. Run again, or see -Verbose.");
            if (summary.Blocked && summary.BlockedMessage != null) queue.WriteWarning(summary.BlockedMessage);
            if (!summary.Enabled)
                queue.WriteWarning("This profile's sync is switched off: a run would change nothing. This preview shows what it would do once switched on.");
        }
    }
}
