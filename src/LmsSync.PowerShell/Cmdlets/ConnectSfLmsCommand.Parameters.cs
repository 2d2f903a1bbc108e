using System.Management.Automation;
using System.Security;
using LmsSync.Core.Sync;
using LmsSync.PowerShell.Completion;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>Connect-SfLms's parameters: one set per Salesforce sign-in, plus a saved profile and the Sandbox.</summary>
    public sealed partial class ConnectSfLmsCommand
    {
        public const string JwtFileSet = "JwtCertificateFile";
        public const string JwtThumbprintSet = "JwtCertificateThumbprint";
        public const string ClientCredentialsSet = "ClientCredentials";
        public const string RefreshTokenSet = "RefreshToken";
        public const string PasswordSet = "UsernamePassword";
        public const string ProfileSet = "Profile";
        public const string SandboxSet = "Sandbox";

        /// <summary>https://login.salesforce.com, https://test.salesforce.com, or the org's My Domain URL.</summary>
        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Alias("Salesforce")]
        [ValidateNotNullOrEmpty]
        public string SalesforceUrl { get; set; } = "https://login.salesforce.com";

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = "";

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Username { get; set; }

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        [Parameter(ParameterSetName = JwtFileSet)]
        public SecureString? CertificatePassword { get; set; }

        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        public SecureString? ClientSecret { get; set; }

        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
        public SecureString? RefreshToken { get; set; }

        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        public SecureString? SecurityToken { get; set; }

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [Parameter(ParameterSetName = SandboxSet)]
        [Alias("Lms")]
        public LmsKind LmsType { get; set; } = LmsKind.SkyPrep;

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string LmsUrl { get; set; } = "";

        [Parameter(ParameterSetName = JwtFileSet, Mandatory = true)]
        [Parameter(ParameterSetName = JwtThumbprintSet, Mandatory = true)]
        [Parameter(ParameterSetName = ClientCredentialsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [Credential]
        public PSCredential? LmsCredential { get; set; }

        /// <summary>Opens a saved profile.</summary>
        [Parameter(ParameterSetName = ProfileSet, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        /// <summary>The sandbox.json the local LmsSync Sandbox wrote (for trying the module out).</summary>
        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? SandboxInfo { get; set; }

        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = JwtFileSet)]
        [Parameter(ParameterSetName = JwtThumbprintSet)]
        [Parameter(ParameterSetName = ClientCredentialsSet)]
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        public SwitchParameter Save { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
