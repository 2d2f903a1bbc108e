namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// The process exit code of a scheduled run, so the operating system's own scheduler history
    /// (Task Scheduler "Last Run Result", <c>systemctl status</c>, cron mail, launchd's last exit status)
    /// shows the outcome without opening a log. The values are a public contract: never renumber.
    /// </summary>
    public enum ScheduleExitCode
    {
        /// <summary>Every planned change was applied.</summary>
        Success = 0,

        /// <summary>The run did not complete (could not connect, invalid profile, crash, module not found).</summary>
        Failed = 1,

        /// <summary>The run completed but some users failed; see the history and the log.</summary>
        PartialFailure = 2,

        /// <summary>The deprovision guard stopped the run before anything was written.</summary>
        BlockedByDeprovisionGuard = 3,

        /// <summary>The profile's sync is switched off; nothing was done.</summary>
        Disabled = 4,
    }
}
