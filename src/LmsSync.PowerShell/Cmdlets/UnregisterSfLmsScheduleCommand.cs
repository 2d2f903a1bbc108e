using System.Management.Automation;
using LmsSync.Core.Scheduling;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Scheduling;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Unregister-SfLmsSchedule: removes LmsSync schedules from the operating system's scheduler, by task
    /// name (also from Get-SfLmsSchedule through the pipeline) or every schedule of a profile.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "SfLmsSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByTaskNameSet)]
    [OutputType(typeof(RegisteredSchedule))]
    public sealed class UnregisterSfLmsScheduleCommand : SfLmsCmdlet
    {
        private const string ByTaskNameSet = "ByTaskName";
        private const string ByProfileSet = "ByProfile";

        /// <summary>The schedules to remove (no wildcards: removal is never by accident).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTaskNameSet)]
        [ValidateNotNullOrEmpty]
        public string[] TaskName { get; set; } = new string[0];

        /// <summary>Remove every schedule that runs this profile.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByProfileSet)]
        [ValidateNotNullOrEmpty]
        public string Profile { get; set; } = "";

        /// <summary>Write each removed schedule to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = ScheduleService.ForThisMachine();
            var names = ParameterSetName == ByProfileSet ? new string?[] { null } : TaskName;
            foreach (var name in names)
            {
                try
                {
                    var removed = Run((queue, token) => service.UnregisterAsync(name, name == null ? Profile : null,
                        schedule => queue.ShouldProcessAsync($"LmsSync schedule '{schedule.TaskName}' ({schedule.Trigger}) in {schedule.Location}", "Unregister"), token));
                    foreach (var schedule in removed) WriteVerbose($"Removed schedule '{schedule.TaskName}' from {schedule.Scheduler}.");
                    if (PassThru) WriteObject(removed, enumerateCollection: true);
                }
                catch (ScheduleException e)
                {
                    // One missing name is that name's error; the other names are still removed.
                    WriteError(ScheduleErrors.ToErrorRecord(e, name ?? Profile));
                }
            }
        }
    }
}
