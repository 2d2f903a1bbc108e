using System;
using System.Management.Automation;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Storage;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>
    /// The stable id and category for each way a preview or a run can fail as a whole. Errors that already carry
    /// an ErrorRecord, and cancellation, pass through untouched (null).
    /// </summary>
    internal static class SyncErrors
    {
        public static ErrorRecord? From(Exception e, object? target = null)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count == 1) e = aggregate.InnerException!;
            if (e is IContainsErrorRecord || e is OperationCanceledException || e is PipelineStoppedException) return null;
            var (id, category) = Classify(e);
            return id == null ? null : SfLmsCmdlet.NewError(id, category, e.Message, target, e);
        }

        private static (string? Id, ErrorCategory Category) Classify(Exception e)
        {
            switch (e)
            {
                case RunLockedException _: return (ErrorIds.RunInProgress, ErrorCategory.ResourceBusy);
                case SalesforceAuthenticationException _: return (ErrorIds.SalesforceAuthenticationFailed, ErrorCategory.AuthenticationError);
                case SalesforceLimitExceededException _: return (ErrorIds.SalesforceLimitExceeded, ErrorCategory.LimitsExceeded);
                case SalesforceFieldException _: return (ErrorIds.MappingInvalid, ErrorCategory.InvalidData);
                case SalesforceException _: return (ErrorIds.SalesforceRequestFailed, ErrorCategory.ConnectionError);
                case LmsConnectorException lms when lms.IsAuthentication: return (ErrorIds.LmsAuthenticationFailed, ErrorCategory.AuthenticationError);
                case LmsConnectorException _: return (ErrorIds.LmsRequestFailed, ErrorCategory.ConnectionError);
                default: return (null, ErrorCategory.NotSpecified);
            }
        }
    }
}
