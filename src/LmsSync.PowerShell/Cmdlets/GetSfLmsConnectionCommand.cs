using System.Management.Automation;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Models;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsConnection: the current connection (profile, Salesforce org and user, LMS, since when).
    /// Not connected terminates with SfLms.NotConnected, so scripts can test for it with try/catch.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsConnection")]
    [OutputType(typeof(SfLmsConnection))]
    public sealed class GetSfLmsConnectionCommand : SfLmsCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = ConnectionState.Current;
            if (current == null) ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.ConnectionError, SfLmsConnectedCmdlet.NotConnectedMessage);
            WriteObject(current!.Info);
        }
    }
}
