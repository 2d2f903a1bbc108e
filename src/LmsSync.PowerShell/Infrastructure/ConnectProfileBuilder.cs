using System.Management.Automation;
using System.Security;
using LmsSync.Core.Profiles;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>What Connect-SfLms's sign-in parameters say, as a profile and its secrets.</summary>
    internal sealed class ConnectProfileBuilder
    {
        public string SalesforceUrl { get; set; } = "https://login.salesforce.com";
        public string ClientId { get; set; } = "";
        public SalesforceSignIn SignIn { get; set; }
        public string? Username { get; set; }
        public string? CertificatePath { get; set; }
        public SecureString? CertificatePassword { get; set; }
        public string? CertificateThumbprint { get; set; }
        public SecureString? ClientSecret { get; set; }
        public SecureString? RefreshToken { get; set; }
        public PSCredential? Credential { get; set; }
        public SecureString? SecurityToken { get; set; }
        public LmsKind LmsType { get; set; }
        public string LmsUrl { get; set; } = "";
        public PSCredential? LmsCredential { get; set; }

        public SfLmsProfile Build(string? name, out ProfileSecrets secrets)
        {
            var username = SignIn == SalesforceSignIn.UsernamePassword ? Credential?.UserName : Username;
            var profile = SfLmsProfile.New(name ?? ProfileName.Default,
                new SalesforceProfile
                {
                    Url = SalesforceUrl,
                    ClientId = ClientId,
                    SignIn = SignIn,
                    Username = username,
                    CertificatePath = CertificatePath,
                    CertificateThumbprint = CertificateThumbprint,
                },
                new LmsProfile { Kind = LmsType, Url = LmsUrl, UserName = LmsCredential?.UserName });
            secrets = new ProfileSecrets
            {
                SalesforceCertificatePassword = CertificatePassword,
                SalesforceClientSecret = ClientSecret,
                SalesforceRefreshToken = RefreshToken,
                SalesforcePassword = Credential?.Password,
                SalesforceSecurityToken = SecurityToken,
                LmsSecret = LmsCredential?.Password,
            };
            return profile;
        }
    }
}
