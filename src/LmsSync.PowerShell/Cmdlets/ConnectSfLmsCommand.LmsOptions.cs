using System.Management.Automation;
using LmsSync.Core.Profiles;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Connect-SfLms's LMS connection options, for a new connection (not -Profile: Set-SfLmsConnectionOption changes a
    /// saved one). The same names as Set-SfLmsConnectionOption's; one that the -LmsType does not read is refused.
    /// </summary>
    public sealed partial class ConnectSfLmsCommand
    {
        /// <summary>iSpring: the custom profile field (name or label) that keeps the Salesforce Id.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string? SalesforceIdField { get; set; }

        /// <summary>iSpring: the invitation message sent with welcome emails.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string? InvitationMessage { get; set; }

        /// <summary>SkyPrep: the account's custom labels.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string[]? CustomLabels { get; set; }

        /// <summary>SCIM: the group whose members are LMS administrators.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string? AdministratorGroup { get; set; }

        /// <summary>SCIM: the vendor attribute that switches the welcome email.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string? WelcomeEmailAttribute { get; set; }

        /// <summary>iSpring, SCIM: the ceiling of requests in flight (1 to 64).</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        public int MaxConcurrency { get; set; }

        /// <summary>The options given, as a change of the new profile's LMS section.</summary>
        private ConnectionOptionChange LmsOptionChange() => new ConnectionOptionChange
        {
            SalesforceIdField = SalesforceIdField,
            InvitationMessage = InvitationMessage,
            CustomLabels = CustomLabels,
            AdministratorGroup = AdministratorGroup,
            WelcomeEmailAttribute = WelcomeEmailAttribute,
            MaxConcurrency = MyInvocation.BoundParameters.ContainsKey(nameof(MaxConcurrency)) ? MaxConcurrency : (int?)null,
        };
    }
}
