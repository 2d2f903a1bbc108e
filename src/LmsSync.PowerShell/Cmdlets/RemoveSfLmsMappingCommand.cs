using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Remove-SfLmsMapping: stops syncing an LMS field (or the department / groups); the LMS keeps its values.
    /// A mandatory field cannot be removed (SfLms.MappingInvalid). Pipe Get-SfLmsMapping rows to remove several.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SfLmsMapping", SupportsShouldProcess = true)]
    [OutputType(typeof(MappingRow))]
    public sealed class RemoveSfLmsMappingCommand : SfLmsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LmsFieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] LmsField { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in LmsField)
            {
                if (!ShouldProcess($"mapping of '{name}'", "Remove")) continue;
                var removed = RunConnected((queue, token) => ConfigurationEditor.EditAsync(RequireCurrent(), ConfigurationPart.Mapping, configuration =>
                {
                    var row = MappingRow.Of(configuration.Mapping, name);
                    return MappingChange.Remove(configuration.Mapping, name) ? row : null;
                }, queue, token), name);
                if (removed == null)
                    WriteError(NewError(ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound, $"LMS field '{name}' is not mapped; nothing to remove.", name));
                else if (PassThru.IsPresent) WriteObject(removed);
            }
        }
    }
}
