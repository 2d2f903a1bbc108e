using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Rules;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Get-SfLmsImportRule: the current connection's import rules, in the order they are consulted.</summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsImportRule")]
    [OutputType(typeof(ImportRule))]
    public sealed class GetSfLmsImportRuleCommand : SfLmsConnectedCmdlet
    {
        /// <summary>Rule names; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ImportRuleNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = RunConnected((queue, token) => System.Threading.Tasks.Task.FromResult(RequireCurrent()));
            var rules = connection.Session.Configuration.Rules;
            if (Name == null)
            {
                WriteObject(rules, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = rules.Where(r => pattern.IsMatch(r.Name)).ToList();
                WriteObject(matches, enumerateCollection: true);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteError(NewError(ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound, $"There is no import rule named '{name}'. List them with Get-SfLmsImportRule.", name));
            }
        }
    }
}
