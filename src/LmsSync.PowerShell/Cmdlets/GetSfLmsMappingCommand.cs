using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Get-SfLmsMapping: the current connection's mapping, one row per LMS field, then department and group.</summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsMapping")]
    [OutputType(typeof(MappingRow))]
    public sealed class GetSfLmsMappingCommand : SfLmsConnectedCmdlet
    {
        /// <summary>LMS field names to show; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LmsFieldCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? LmsField { get; set; }

        protected override void ProcessRecord()
        {
            var connection = RunConnected((queue, token) => System.Threading.Tasks.Task.FromResult(RequireCurrent()));
            var rows = MappingRow.From(connection.Session.Configuration.Mapping);
            if (LmsField == null)
            {
                WriteObject(rows, enumerateCollection: true);
                return;
            }
            foreach (var name in LmsField)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = rows.Where(r => pattern.IsMatch(r.LmsField)).ToList();
                WriteObject(matches, enumerateCollection: true);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteError(NewError(ErrorIds.InvalidArgument, ErrorCategory.ObjectNotFound,
                        $"LMS field '{name}' is not mapped. Map it with Set-SfLmsMapping -LmsField {name} -Primary <Salesforce field>.", name));
            }
        }
    }
}
