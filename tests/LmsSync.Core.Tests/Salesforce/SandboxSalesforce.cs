using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.Salesforce;
using SalesforceSettings = LmsSync.Core.Salesforce.SalesforceSettings;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>
/// A Sandbox with the Salesforce emulator, and product clients over real HTTP to it: every credential
/// kind built from the emulator's test-only secrets, with retries that do not sleep.
/// </summary>
internal sealed class SandboxSalesforce : IAsyncDisposable
{
    private SandboxSalesforce(SandboxHost host)
    {
        Host = host;
        Emulator = host.Emulator<SalesforceEmulator>();
    }

    public SandboxHost Host { get; }
    public SalesforceEmulator Emulator { get; }
    public RecordingLog Log { get; } = new();

    public static async Task<SandboxSalesforce> StartAsync(int users = 30) =>
        new(await SandboxHost.StartAsync(new SandboxOptions { Users = users }));

    /// <summary>Every secret of this run, to check none leaks into messages or logs.</summary>
    public IReadOnlyList<string> Secrets => new[]
    {
        Emulator.Credentials.ClientSecret, Emulator.Credentials.Password, Emulator.Credentials.SecurityToken,
        Emulator.Credentials.RefreshToken, Emulator.Credentials.CertificatePassword,
    };

    public JwtBearerCredential Jwt(string? username = null) =>
        JwtBearerCredential.FromPfxFile(username ?? Emulator.Credentials.Username, Emulator.Credentials.CertificatePath, Secure(Emulator.Credentials.CertificatePassword));

    public ClientCredentialsCredential ClientCredentials(string? secret = null) => new(Secure(secret ?? Emulator.Credentials.ClientSecret));

    public RefreshTokenCredential RefreshToken(string? token = null) => new(Secure(token ?? Emulator.Credentials.RefreshToken), Secure(Emulator.Credentials.ClientSecret));

    public UsernamePasswordCredential Password(string? password = null) =>
        new(Emulator.Credentials.Username, Secure(password ?? Emulator.Credentials.Password), Secure(Emulator.Credentials.SecurityToken), Secure(Emulator.Credentials.ClientSecret));

    /// <summary>A client at the login host (login.salesforce.com stand-in) unless <paramref name="myDomain"/>.</summary>
    public SalesforceClient Client(SalesforceCredential credential, bool myDomain = false, Action<SalesforceSettings>? configure = null)
    {
        var settings = new SalesforceSettings
        {
            LoginUrl = myDomain ? Host.BaseUrl : Host.Context.LoginUrl,
            ClientId = Emulator.Credentials.ClientId,
            Credential = credential,
            Log = Log,
            RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask, AttemptTimeout = TimeSpan.FromSeconds(30) },
        };
        configure?.Invoke(settings);
        return new SalesforceClient(settings);
    }

    public int Calls(string pathStart) => Host.Context.Requests.Since(0).Count(r => r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    public static SecureString Secure(string text) => TestCertificates.Secure(text);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
