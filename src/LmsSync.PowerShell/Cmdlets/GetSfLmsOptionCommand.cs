using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Get-SfLmsOption: every option of the current connection's profile, with the source and the scope.</summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsOption")]
    [OutputType(typeof(OptionSettings))]
    public sealed class GetSfLmsOptionCommand : SfLmsConnectedCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = RunConnected((queue, token) => System.Threading.Tasks.Task.FromResult(RequireCurrent()));
            WriteObject(OptionSettings.From(connection.Session.Configuration));
        }
    }
}
