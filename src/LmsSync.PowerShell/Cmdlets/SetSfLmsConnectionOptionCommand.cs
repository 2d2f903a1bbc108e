using System.Management.Automation;
using System.Threading.Tasks;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-SfLmsConnectionOption: the per-LMS options of the connection to the LMS (iSpring's Salesforce Id field and
    /// invitation message, SkyPrep's custom labels, SCIM's administrator group and welcome-email attribute, the ceiling
    /// of requests in flight), without the secrets being given again. Only the parameters given change; '' or -Clear
    /// removes an option. The current connection's LMS client is rebuilt with them; -Profile changes a saved profile.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SfLmsConnectionOption", SupportsShouldProcess = true)]
    [OutputType(typeof(ConnectionOptionSettings))]
    public sealed class SetSfLmsConnectionOptionCommand : SfLmsConnectedCmdlet
    {
        [Parameter, AllowEmptyString] public string? SalesforceIdField { get; set; }
        [Parameter, AllowEmptyString] public string? InvitationMessage { get; set; }
        [Parameter, AllowEmptyCollection] public string[]? CustomLabels { get; set; }
        [Parameter, AllowEmptyString] public string? AdministratorGroup { get; set; }
        [Parameter, AllowEmptyString] public string? WelcomeEmailAttribute { get; set; }
        [Parameter] public int MaxConcurrency { get; set; }

        /// <summary>Options to remove, so that the LMS client's default holds again.</summary>
        [Parameter]
        [ValidateSet(ConnectionOptionNames.SalesforceIdField, ConnectionOptionNames.InvitationMessage, ConnectionOptionNames.CustomLabels,
            ConnectionOptionNames.AdministratorGroup, ConnectionOptionNames.WelcomeEmailAttribute, ConnectionOptionNames.MaxConcurrency, IgnoreCase = true)]
        public string[]? Clear { get; set; }

        /// <summary>A saved profile to change instead of the current connection's.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var change = new ConnectionOptionChange
            {
                SalesforceIdField = SalesforceIdField,
                InvitationMessage = InvitationMessage,
                CustomLabels = CustomLabels,
                AdministratorGroup = AdministratorGroup,
                WelcomeEmailAttribute = WelcomeEmailAttribute,
                MaxConcurrency = MyInvocation.BoundParameters.ContainsKey(nameof(MaxConcurrency)) ? MaxConcurrency : (int?)null,
                Clear = Clear ?? new string[0],
            };
            if (change.IsEmpty)
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "Give an option to set (e.g. -MaxConcurrency 8) or to remove (-Clear MaxConcurrency); Get-SfLmsConnectionOption shows them.");
            var onCurrent = NamesCurrent(Profile);
            var current = ConnectionState.Current;
            if (onCurrent && current == null) ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.ConnectionError, NotConnectedMessage);
            if (!ShouldProcess($"LMS connection options of profile '{(onCurrent ? current!.Profile.Name : Profile!.Trim())}'", "Set")) return;
            var result = RunConnected((queue, token) => onCurrent
                ? ConnectionOptionEditor.EditCurrentAsync(RequireCurrent(), change, queue, token)
                : Task.FromResult(ConnectionOptionEditor.EditSaved(Profile!, change, queue)), Profile);
            if (PassThru.IsPresent) WriteObject(result);
        }
    }
}
