using System.Management.Automation;
using System.Threading.Tasks;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Get-SfLmsConnectionOption: the LMS connection options of the current connection, or of a saved profile (-Profile).</summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsConnectionOption")]
    [OutputType(typeof(ConnectionOptionSettings))]
    public sealed class GetSfLmsConnectionOptionCommand : SfLmsConnectedCmdlet
    {
        /// <summary>A saved profile to read instead of the current connection's.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        protected override void ProcessRecord()
        {
            var onCurrent = NamesCurrent(Profile);
            WriteObject(RunConnected((queue, token) => Task.FromResult(onCurrent ? RequireCurrent().Info.LmsOptions : Saved(Profile!)), Profile));
        }

        private static ConnectionOptionSettings Saved(string name)
        {
            var profile = ProfileStore.Default().Load(name);
            return ConnectionOptionSettings.From(profile.Name, profile.Lms);
        }
    }
}
