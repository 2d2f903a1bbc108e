using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Profiles;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Core.Tests.Profiles;

/// <summary>SessionFactory over real HTTP to the in-process Sandbox: JWT with its PFX, each LMS kind, both ends checked.</summary>
public sealed class SessionFactorySandboxTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lmssync-session-" + Guid.NewGuid().ToString("N"));
    private SandboxHost _host = null!;
    private string InfoPath => Path.Combine(_folder, "sandbox.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await SandboxHost.StartAsync(new SandboxOptions { Users = 20, InfoPath = InfoPath });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private SessionOptions Options() => new() { Paths = new LmsSyncPaths(Path.Combine(_folder, "home")) };

    [Theory]
    [InlineData(LmsKind.SkyPrep)]
    [InlineData(LmsKind.ISpring)]
    [InlineData(LmsKind.Scim)]
    public async Task Opens_both_ends_of_a_Sandbox_profile(LmsKind kind)
    {
        var log = new RecordingLog();
        var profile = SandboxProfile.FromInfoFile(InfoPath, kind, "sandbox", out var secrets);

        using var session = await SessionFactory.OpenAsync(profile, secrets, log, CancellationToken.None, Options());

        Assert.Equal("sandbox", session.ProfileName);
        Assert.NotNull(session.Salesforce.Session);
        Assert.Equal(kind, session.Lms.Catalog.Kind);
        Assert.Same(profile.Sync, session.Configuration);
        Assert.True(session.Lms.Calls.Reads > 0);
    }

    [Fact]
    public async Task A_wrong_certificate_password_fails_as_Salesforce_authentication()
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.SkyPrep, null, out var secrets);
        secrets.SalesforceCertificatePassword = SecureStrings.FromPlain("wrong");

        await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => SessionFactory.OpenAsync(profile, secrets, new RecordingLog(), CancellationToken.None, Options()));
    }

    [Fact]
    public async Task A_wrong_LMS_secret_fails_as_LMS_authentication()
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.ISpring, null, out var secrets);
        secrets.LmsSecret = SecureStrings.FromPlain("wrong");

        var error = await Assert.ThrowsAsync<LmsSync.Core.Lms.Connectors.LmsConnectorException>(() => SessionFactory.OpenAsync(profile, secrets, new RecordingLog(), CancellationToken.None, Options()));
        Assert.True(error.IsAuthentication);
    }

    [Fact]
    public async Task A_missing_LMS_secret_is_a_profile_error_naming_it()
    {
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.Scim, null, out var secrets);
        secrets.LmsSecret = null;

        var error = await Assert.ThrowsAsync<ProfileException>(() => SessionFactory.OpenAsync(profile, secrets, new RecordingLog(), CancellationToken.None, Options()));
        Assert.Equal(ProfileErrorKind.Invalid, error.Kind);
        Assert.Contains("secret", error.Message);
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_log()
    {
        var log = new RecordingLog();
        var profile = SandboxProfile.FromInfoFile(InfoPath, LmsKind.ISpring, null, out var secrets);
        using var _ = await SessionFactory.OpenAsync(profile, secrets, log, CancellationToken.None, Options());

        var text = File.ReadAllText(InfoPath);
        var info = Newtonsoft.Json.Linq.JObject.Parse(text);
        foreach (var secret in new[] { (string)info["salesforce"]!["certificatePassword"]!, (string)info["ispring"]!["clientSecret"]! })
            Assert.DoesNotContain(log.All, line => line.Contains(secret));
    }
}
