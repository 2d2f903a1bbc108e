using System;

namespace LmsSync.Core.Scheduling
{
    public enum ScheduleErrorKind
    {
        /// <summary>The request cannot be expressed (bad times, a window crossing midnight, a bad name).</summary>
        Invalid,

        /// <summary>No schedule by that name is registered.</summary>
        NotFound,

        /// <summary>The platform scheduler refused or failed (its own message is included).</summary>
        SchedulerFailed,
    }

    /// <summary>A scheduling failure whose message says what to do next; the kind picks the error id.</summary>
    public sealed class ScheduleException : Exception
    {
        public ScheduleException(ScheduleErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
        }

        public ScheduleErrorKind Kind { get; }
    }
}
