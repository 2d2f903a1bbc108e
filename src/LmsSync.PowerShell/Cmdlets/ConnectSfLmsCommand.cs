using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Models;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Connect-SfLms: signs in to Salesforce and the LMS, checks both ends, and makes the connection current
    /// for the other cmdlets. -Name/-Save keep it as a named profile; -Profile opens a saved one.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "SfLms", DefaultParameterSetName = JwtFileSet)]
    [OutputType(typeof(SfLmsConnection))]
    public sealed partial class ConnectSfLmsCommand : SfLmsConnectedCmdlet
    {
        protected override void ProcessRecord()
        {
            var store = ProfileStore.Default();
            SfLmsProfile profile;
            ProfileSecrets secrets;
            try
            {
                profile = BuildProfile(store, out secrets);
            }
            catch (System.Exception e) when (e is ProfileException || e is System.ArgumentException)
            {
                ThrowMapped(e is ProfileException ? e : new ProfileException(ProfileErrorKind.Invalid, e.Message, e), Name ?? Profile);
                return;
            }
            var saving = Save.IsPresent || ParameterSetName == ProfileSet;
            // A re-connect (new URL or credentials) keeps the mapping, rules and options already saved for this LMS kind.
            if (Save.IsPresent && store.KeepConfigurationOf(profile)) WriteVerbose($"Kept the mapping, import rules and options saved in profile '{profile.Name}'.");
            // The LMS options given win over the ones kept; one the LMS does not read stops here, before any sign-in.
            var options = LmsOptionChange();
            try
            {
                if (!options.IsEmpty) profile.Lms = options.ApplyTo(profile.Lms);
            }
            catch (ProfileException e)
            {
                ThrowMapped(e, profile.Name);
                return;
            }
            var connection = RunConnected((queue, token) => ConnectionOpener.OpenAsync(profile, secrets, saving, queue, token), profile.Name);
            if (Save.IsPresent)
            {
                store.Save(profile, secrets);
                WriteVerbose($"Saved profile '{profile.Name}' to {store.PathsOf(profile.Name).Folder} (secrets protected: {Core.Storage.SecretFile.CurrentProtection}).");
            }
            ConnectionState.Set(connection);
            connection.Log.Detach(Queue);
            WriteVerbose($"Connected: {connection.Info}.");
            if (PassThru.IsPresent) WriteObject(connection.Info);
        }

        private SfLmsProfile BuildProfile(ProfileStore store, out ProfileSecrets secrets)
        {
            switch (ParameterSetName)
            {
                case ProfileSet:
                    var saved = store.Load(Profile!);
                    secrets = store.LoadSecrets(saved.Name);
                    return saved;
                case SandboxSet:
                    return SandboxProfile.FromInfoFile(GetUnresolvedProviderPathFromPSPath(SandboxInfo), LmsType, Name, out secrets);
                default:
                    // The legacy password flow's retirement warning comes from Core when the client is built.
                    return Builder().Build(Name, out secrets);
            }
        }

        private ConnectProfileBuilder Builder() => new ConnectProfileBuilder
        {
            SalesforceUrl = SalesforceUrl,
            ClientId = ClientId,
            SignIn = ParameterSetName == JwtThumbprintSet ? SalesforceSignIn.JwtCertificateThumbprint
                : ParameterSetName == ClientCredentialsSet ? SalesforceSignIn.ClientCredentials
                : ParameterSetName == RefreshTokenSet ? SalesforceSignIn.RefreshToken
                : ParameterSetName == PasswordSet ? SalesforceSignIn.UsernamePassword
                : SalesforceSignIn.JwtCertificateFile,
            Username = Username,
            CertificatePath = CertificatePath == null ? null : GetUnresolvedProviderPathFromPSPath(CertificatePath),
            CertificatePassword = CertificatePassword,
            CertificateThumbprint = CertificateThumbprint,
            ClientSecret = ClientSecret,
            RefreshToken = RefreshToken,
            Credential = Credential,
            SecurityToken = SecurityToken,
            LmsType = LmsType,
            LmsUrl = LmsUrl,
            LmsCredential = LmsCredential,
        };
    }
}
