using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.Core.Rules;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Remove-SfLmsImportRule: removes import rules by name; pipe Get-SfLmsImportRule output to remove several.</summary>
    [Cmdlet(VerbsCommon.Remove, "SfLmsImportRule", SupportsShouldProcess = true)]
    [OutputType(typeof(ImportRule))]
    public sealed class RemoveSfLmsImportRuleCommand : SfLmsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ImportRuleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (!ShouldProcess($"import rule '{name}'", "Remove")) continue;
                var removed = RunConnected((queue, token) => ConfigurationEditor.EditAsync(RequireCurrent(), ConfigurationPart.Rules, configuration =>
                {
                    var rule = configuration.Rules.Find(r => string.Equals(r.Name?.Trim(), name.Trim(), System.StringComparison.OrdinalIgnoreCase));
                    RuleBuilder.Remove(configuration.Rules, name);
                    return rule;
                }, queue, token), name);
                if (removed == null)
                    WriteError(NewError(ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound, $"There is no import rule named '{name}'; nothing to remove.", name));
                else if (PassThru.IsPresent) WriteObject(removed);
            }
        }
    }
}
