using System.Management.Automation;
using LmsSync.Core.Scheduling;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Scheduling
{
    /// <summary>The stable error id and category for each kind of scheduling failure.</summary>
    internal static class ScheduleErrors
    {
        public static ErrorRecord ToErrorRecord(ScheduleException e, object? target) =>
            SfLmsCmdlet.NewError(IdOf(e.Kind), CategoryOf(e.Kind), e.Message, target, e);

        private static string IdOf(ScheduleErrorKind kind) =>
            kind == ScheduleErrorKind.Invalid ? ErrorIds.ScheduleInvalid
            : kind == ScheduleErrorKind.NotFound ? ErrorIds.ScheduleNotFound
            : ErrorIds.ScheduleFailed;

        private static ErrorCategory CategoryOf(ScheduleErrorKind kind) =>
            kind == ScheduleErrorKind.Invalid ? ErrorCategory.InvalidArgument
            : kind == ScheduleErrorKind.NotFound ? ErrorCategory.ObjectNotFound
            : ErrorCategory.InvalidOperation;
    }
}
