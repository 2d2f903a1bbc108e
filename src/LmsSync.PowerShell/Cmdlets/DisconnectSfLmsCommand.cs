using System.Management.Automation;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Models;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Disconnect-SfLms: closes the current connection (both clients, in-memory tokens). Saved profiles stay
    /// on disk. Not connected is not an error: the goal, no connection, already holds.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "SfLms")]
    [OutputType(typeof(SfLmsConnection))]
    public sealed class DisconnectSfLmsCommand : SfLmsCmdlet
    {
        /// <summary>Returns the connection that was closed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var closed = ConnectionState.Clear();
            if (closed == null)
            {
                WriteVerbose("Not connected; nothing to disconnect.");
                return;
            }
            WriteVerbose($"Disconnected from {closed.Info}.");
            if (PassThru.IsPresent) WriteObject(closed.Info);
        }
    }
}
