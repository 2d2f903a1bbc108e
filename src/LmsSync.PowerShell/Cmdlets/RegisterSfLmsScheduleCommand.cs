using System;
using System.Management.Automation;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Scheduling;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Register-SfLmsSchedule: registers Invoke-SfLmsSync -Profile &lt;name&gt; with the operating system's own
    /// scheduler (Task Scheduler, a systemd timer, cron or launchd). Registering a task name again replaces it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "SfLmsSchedule", SupportsShouldProcess = true, DefaultParameterSetName = DailySet)]
    [OutputType(typeof(RegisteredSchedule))]
    public sealed class RegisterSfLmsScheduleCommand : SfLmsCmdlet
    {
        private const string DailySet = "Daily";
        private const string IntervalSet = "Interval";

        /// <summary>The profile the scheduled run syncs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Profile { get; set; } = ProfileName.Default;

        /// <summary>Run once a day at -At.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DailySet)]
        public SwitchParameter Daily { get; set; }

        /// <summary>The daily time, HH:mm (local time).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DailySet)]
        public TimeOfDay At { get; set; }

        /// <summary>Run every n minutes (1–1440), from -StartTime through -StopTime each day.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IntervalSet)]
        [ValidateRange(1, ScheduleTrigger.MaxIntervalMinutes)]
        public int IntervalMinutes { get; set; }

        /// <summary>Start of the daily window (default 00:00).</summary>
        [Parameter(ParameterSetName = IntervalSet)]
        public TimeOfDay? StartTime { get; set; }

        /// <summary>End of the daily window, inclusive (default 24:00, the end of the day).</summary>
        [Parameter(ParameterSetName = IntervalSet)]
        public TimeOfDay? StopTime { get; set; }

        /// <summary>Only on these days (default every day).</summary>
        [Parameter]
        public DayOfWeek[]? DaysOfWeek { get; set; }

        /// <summary>The schedule's name (default: the profile name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TaskName { get; set; }

        /// <summary>Windows: the account the task runs as, whether or not anyone is logged on.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Write the registered schedule to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var service = ScheduleService.ForThisMachine();
                var plan = service.Plan(new ScheduleRequest
                {
                    Profile = Profile,
                    Trigger = ParameterSetName == DailySet
                        ? ScheduleTrigger.Daily(At, DaysOfWeek)
                        : ScheduleTrigger.Interval(IntervalMinutes, StartTime, StopTime, DaysOfWeek),
                    TaskName = TaskName,
                    RunAs = Credential == null ? null : new RunAsAccount(Credential.UserName, Credential.Password),
                    PowerShellPath = RunningSession.PowerShellPath(this),
                    ModuleManifestPath = RunningSession.ModuleManifestPath(this),
                });
                foreach (var warning in plan.Warnings) WriteWarning(warning);

                var definition = plan.Definition;
                var summary = $"schedule '{definition.TaskName}' ({definition.Trigger}) for profile '{definition.Profile}' with {plan.Scheduler}";
                if (!ShouldProcess($"Register {summary}:\n{plan.Description}", $"Register {summary}, replacing any schedule of that name?", "Register-SfLmsSchedule"))
                    return;

                var registered = Run((queue, token) => service.RegisterAsync(plan, token));
                WriteVerbose($"Registered {summary}; next run {registered.NextRun:yyyy-MM-dd HH:mm zzz}.");
                if (PassThru) WriteObject(registered);
            }
            catch (ScheduleException e)
            {
                ThrowTerminatingError(ScheduleErrors.ToErrorRecord(e, TaskName ?? Profile));
            }
        }
    }
}
