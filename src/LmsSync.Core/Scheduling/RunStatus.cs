namespace LmsSync.Core.Scheduling
{
    /// <summary>How a sync run ended, as recorded in the profile's run history (history.jsonl).</summary>
    public enum RunStatus
    {
        Succeeded,
        Failed,
        PartiallyFailed,
        BlockedByDeprovisionGuard,
        Disabled,
        /// <summary>Stopped by the user (Ctrl+C): calls in flight finished, state was saved.</summary>
        Cancelled,
    }

    /// <summary>The one mapping from a run's outcome to the scheduled process's exit code.</summary>
    public static class ScheduleExitCodes
    {
        public static ScheduleExitCode For(RunStatus status)
        {
            switch (status)
            {
                case RunStatus.Succeeded: return ScheduleExitCode.Success;
                case RunStatus.PartiallyFailed: return ScheduleExitCode.PartialFailure;
                case RunStatus.BlockedByDeprovisionGuard: return ScheduleExitCode.BlockedByDeprovisionGuard;
                case RunStatus.Disabled: return ScheduleExitCode.Disabled;
                default: return ScheduleExitCode.Failed;
            }
        }
    }
}
