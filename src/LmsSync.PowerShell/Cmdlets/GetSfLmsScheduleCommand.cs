using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Scheduling;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Scheduling;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsSchedule: the LmsSync schedules registered in the operating system's scheduler, each with
    /// its trigger, next run, and the profile's last run and status from its run history.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsSchedule")]
    [OutputType(typeof(RegisteredSchedule))]
    public sealed class GetSfLmsScheduleCommand : SfLmsCmdlet
    {
        /// <summary>Task names to get; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? TaskName { get; set; }

        /// <summary>Only schedules that run this profile.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        protected override void ProcessRecord()
        {
            var service = ScheduleService.ForThisMachine();
            try
            {
                var schedules = Run((queue, token) => service.GetAsync(null, Profile, token));
                if (TaskName == null)
                {
                    WriteObject(schedules, enumerateCollection: true);
                    return;
                }
                foreach (var name in TaskName)
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    var matches = schedules.Where(s => pattern.IsMatch(s.TaskName)).ToList();
                    WriteObject(matches, enumerateCollection: true);
                    if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                        WriteError(NewError(ErrorIds.ScheduleNotFound, ErrorCategory.ObjectNotFound,
                            $"No LmsSync schedule named '{name}' is registered with {service.Scheduler}{(Profile == null ? "" : $" for profile '{Profile}'")}. Register one with Register-SfLmsSchedule.", name));
                }
            }
            catch (ScheduleException e)
            {
                ThrowTerminatingError(ScheduleErrors.ToErrorRecord(e, TaskName));
            }
        }
    }
}
