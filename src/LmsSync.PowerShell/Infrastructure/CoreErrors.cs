using System;
using System.Management.Automation;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Profiles;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Storage;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The one place where Core's exceptions become ErrorRecords with stable ids and real categories.
    /// Null for an exception that is not Core's to explain (a bug): it should surface as it is.
    /// </summary>
    internal static class CoreErrors
    {
        public static ErrorRecord? ToErrorRecord(Exception e, object? target)
        {
            switch (e)
            {
                case SfLmsErrorException known:
                    return known.ErrorRecord;
                case ProfileException p:
                    return SfLmsCmdlet.NewError(IdOf(p.Kind), CategoryOf(p.Kind), p.Message, target, p);
                case SalesforceAuthenticationException a:
                    return SfLmsCmdlet.NewError(ErrorIds.SalesforceAuthenticationFailed, ErrorCategory.AuthenticationError, a.Message, target, a);
                case SalesforceLimitExceededException l:
                    return SfLmsCmdlet.NewError(ErrorIds.SalesforceLimitExceeded, ErrorCategory.LimitsExceeded, l.Message, target, l);
                case SalesforceFieldException f:
                    return SfLmsCmdlet.NewError(ErrorIds.MappingInvalid, ErrorCategory.InvalidData, f.Message, target, f);
                case SalesforceException s:
                    return SfLmsCmdlet.NewError(ErrorIds.SalesforceRequestFailed, ErrorCategory.ConnectionError, s.Message, target, s);
                case LmsConnectorException l when l.IsAuthentication:
                    return SfLmsCmdlet.NewError(ErrorIds.LmsAuthenticationFailed, ErrorCategory.AuthenticationError, l.Message, target, l);
                case LmsConnectorException l:
                    return SfLmsCmdlet.NewError(ErrorIds.LmsRequestFailed, l.IsTransient ? ErrorCategory.ResourceUnavailable : ErrorCategory.ConnectionError, l.Message, target, l);
                case RunLockedException r:
                    return SfLmsCmdlet.NewError(ErrorIds.RunInProgress, ErrorCategory.ResourceBusy, r.Message, target, r);
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    return ToErrorRecord(aggregate.Flatten().InnerExceptions[0], target);
                default:
                    return null;
            }
        }

        private static string IdOf(ProfileErrorKind kind) =>
            kind == ProfileErrorKind.NotFound ? ErrorIds.ProfileNotFound
            : kind == ProfileErrorKind.InsecureEndpoint ? ErrorIds.InsecureEndpoint
            : kind == ProfileErrorKind.OptionNotApplicable ? ErrorIds.ConnectionOptionNotApplicable
            : kind == ProfileErrorKind.InvalidValue ? ErrorIds.InvalidArgument
            : ErrorIds.ProfileInvalid;

        private static ErrorCategory CategoryOf(ProfileErrorKind kind) =>
            kind == ProfileErrorKind.NotFound ? ErrorCategory.ObjectNotFound
            : kind == ProfileErrorKind.InsecureEndpoint ? ErrorCategory.SecurityError
            : kind == ProfileErrorKind.OptionNotApplicable || kind == ProfileErrorKind.InvalidValue ? ErrorCategory.InvalidArgument
            : ErrorCategory.InvalidData;
    }

    /// <summary>
    /// A terminating error decided on a worker thread (where ThrowTerminatingError may not be called); the
    /// connected base throws its record on the pipeline thread.
    /// </summary>
    internal sealed class SfLmsErrorException : Exception
    {
        public SfLmsErrorException(ErrorRecord record) : base(record.Exception.Message, record.Exception)
        {
            ErrorRecord = record;
        }

        public SfLmsErrorException(string errorId, ErrorCategory category, string message, object? target = null)
            : this(SfLmsCmdlet.NewError(errorId, category, message, target))
        {
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
