using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Remove-SfLmsProfile: deletes saved profiles with their secrets, state and history. Refused while a run of the
    /// profile is under way (SfLms.RunInProgress) or a schedule still runs it (SfLms.ProfileScheduled). Removing the
    /// profile of the current connection also closes that connection, so later changes cannot recreate half of it.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SfLmsProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SavedProfile))]
    public sealed class RemoveSfLmsProfileCommand : SfLmsCmdlet
    {
        /// <summary>The profiles to remove (no wildcards: removal is never by accident).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Profile")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Write each removed profile (as Get-SfLmsProfile showed it) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var store = ProfileStore.Default();
            foreach (var name in Name)
            {
                try
                {
                    var paths = store.CheckSaved(name);
                    if (IsScheduled(name)) continue;
                    if (!ShouldProcess($"LmsSync profile '{name}' ({paths.Folder}): settings, secrets, state and run history", "Remove")) continue;
                    var removed = PassThru.IsPresent ? Describe(store, name, paths) : null;
                    // Closed first: its files must not be open while the folder goes (Windows), nor be written after.
                    var current = ConnectionState.Current;
                    if (current != null && current.Info.Saved && string.Equals(current.Info.Profile, name, StringComparison.OrdinalIgnoreCase))
                    {
                        ConnectionState.Clear();
                        WriteVerbose($"Closed the current connection, which used profile '{name}'.");
                    }
                    store.Remove(name);
                    WriteVerbose($"Removed profile '{name}'.");
                    if (removed != null) WriteObject(removed);
                }
                catch (Exception e) when (CoreErrors.ToErrorRecord(e, name) is ErrorRecord record)
                {
                    WriteError(record);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    WriteError(NewError(ErrorIds.ProfileRemoveFailed, ErrorCategory.WriteError,
                        $"Could not remove profile '{name}': {e.Message} Close what uses its files (another PowerShell session connected to it, an editor) and try again.", name, e));
                }
            }
        }

        /// <summary>The profile as Get-SfLmsProfile shows it; a broken one by its name and folder only.</summary>
        private static SavedProfile Describe(ProfileStore store, string name, ProfilePaths paths)
        {
            try { return SavedProfile.From(store.Load(name), paths); }
            catch (ProfileException) { return new SavedProfile { Name = name, Folder = paths.Folder }; }
        }

        /// <summary>True (and the error written) when a schedule still runs the profile: it would fail at its next run.</summary>
        private bool IsScheduled(string name)
        {
            RegisteredSchedule[] schedules;
            try
            {
                schedules = Run((queue, token) => ScheduleService.ForThisMachine().GetAsync(null, name, token)).ToArray();
            }
            catch (ScheduleException e)
            {
                WriteWarning($"Could not check whether a schedule runs profile '{name}' ({e.Message}); removing it anyway.");
                return false;
            }
            if (schedules.Length == 0) return false;
            var tasks = string.Join(", ", schedules.Select(s => s.TaskName));
            WriteError(NewError(ErrorIds.ProfileScheduled, ErrorCategory.ResourceBusy,
                $"Profile '{name}' is still run by {(schedules.Length == 1 ? "the schedule" : "the schedules")} {tasks}. Remove {(schedules.Length == 1 ? "it" : "them")} first with Unregister-SfLmsSchedule -Profile {name}, then remove the profile.", name));
            return true;
        }
    }
}
