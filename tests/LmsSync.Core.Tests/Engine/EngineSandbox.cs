using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Engine;
using LmsSync.Core.Http;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;
using LmsSync.Sandbox.Salesforce;
using LmsSync.Sandbox.Scim;
using LmsSync.Sandbox.SkyPrep;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Core.Lms.Scim;
using SalesforceSettings = LmsSync.Core.Salesforce.SalesforceSettings;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// A Sandbox (Salesforce + LMS emulators over real HTTP), a temporary profile folder, and sessions built from the
/// product clients with retries that do not sleep. The LMS emulators start empty, so a first run creates everyone.
/// </summary>
internal sealed class EngineSandbox : IAsyncDisposable
{
    private EngineSandbox(SandboxHost host, string folder)
    {
        Host = host;
        Folder = folder;
        Paths = new ProfilePaths(Path.Combine(folder, "profiles", "test"));
    }

    public SandboxHost Host { get; }
    public string Folder { get; }
    public ProfilePaths Paths { get; }
    public SalesforceEmulator Salesforce => Host.Emulator<SalesforceEmulator>();
    public ISpringEmulator ISpring => Host.Emulator<ISpringEmulator>();
    public List<string> IssuedTokens { get; } = new();

    /// <summary>The Sandbox's movable clock as the engine's clock, so "a day later" takes no time.</summary>
    public IClock Clock => new SandboxTime(this);

    private sealed class SandboxTime(EngineSandbox sandbox) : IClock
    {
        public DateTimeOffset UtcNow => sandbox.Host.Context.Clock.UtcNow;
    }

    public static async Task<EngineSandbox> StartAsync(int users = 40)
    {
        var host = await SandboxHost.StartAsync(new SandboxOptions { Users = users });
        var folder = Path.Combine(Path.GetTempPath(), "lmssync-engine-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var sandbox = new EngineSandbox(host, folder);
        sandbox.ISpring.Store.Reset(seed: false);
        host.Emulator<SkyPrepEmulator>().Reset(empty: true);
        host.Emulator<ScimEmulator>().Reset(); // SCIM starts empty (no seeded users)
        return sandbox;
    }

    public SalesforceClient SalesforceClient() => new(new SalesforceSettings
    {
        LoginUrl = Host.BaseUrl, // client credentials work only at the org's My Domain
        ClientId = Salesforce.Credentials.ClientId,
        Credential = new ClientCredentialsCredential(SandboxSalesforce.Secure(Salesforce.Credentials.ClientSecret)),
        RetryPolicy = NoSleep(),
        BulkQuery = { Delay = (_, _) => Task.CompletedTask },
    });

    public ILmsConnector Connector(LmsKind kind, Action<ISpringClientOptions>? iSpring = null, Action<ScimClientOptions>? scim = null)
    {
        switch (kind)
        {
            case LmsKind.ISpring:
                var options = new ISpringClientOptions
                {
                    BaseUrl = (string)Host.Info["ispring"]!["url"]!,
                    ClientId = (string)Host.Info["ispring"]!["clientId"]!,
                    ClientSecret = SandboxSalesforce.Secure((string)Host.Info["ispring"]!["clientSecret"]!),
                    DefaultInvitationMessage = null,
                    RetryPolicy = NoSleep(),
                };
                iSpring?.Invoke(options);
                return new ISpringConnector(options);
            case LmsKind.SkyPrep:
                var skyPrep = Host.Emulator<SkyPrepEmulator>();
                return new SkyPrepConnector(new SkyPrepClientOptions
                {
                    BaseUrl = skyPrep.Url(Host.Context),
                    ApiKey = SandboxSalesforce.Secure(skyPrep.ApiKey),
                    AcctKey = skyPrep.AcctKey,
                    Now = () => Host.Context.Clock.UtcNow,
                    // The rate limit is honoured on the Sandbox clock, so "wait a second" takes no real time.
                    ThrottleDelay = (wait, _) => { Host.Context.Clock.Advance(wait); return Task.CompletedTask; },
                    Retry = new RetryPolicy { Delay = (wait, _) => { Host.Context.Clock.Advance(wait); return Task.CompletedTask; } },
                });
            case LmsKind.Scim:
                var scimOptions = new ScimClientOptions
                {
                    BaseUrl = Host.BaseUrl + "/scim/v2",
                    Token = SandboxSalesforce.Secure(Host.Emulator<ScimEmulator>().Token),
                    RetryPolicy = NoSleep(),
                };
                scim?.Invoke(scimOptions);
                return new ScimConnector(scimOptions);
            default:
                throw new NotSupportedException(kind + " has no connector.");
        }
    }

    public static SyncConfiguration Configuration(LmsKind kind, Action<SyncOptions>? options = null)
    {
        var configuration = new SyncConfiguration { Mapping = LmsFieldCatalog.DefaultMapping(kind) };
        // SkyPrep refuses a user without a first name, and the seeded org has one (as real orgs do): the admin's fix is a default.
        if (kind == LmsKind.SkyPrep && configuration.Mapping.Find("first_name") is { } firstName) firstName.Default = "-";
        configuration.Options.DeactivateMissingUsers = true;
        configuration.Options.MaxDeprovision = DeprovisionLimit.Percent(50);
        options?.Invoke(configuration.Options);
        return configuration;
    }

    public SyncEngine Engine(LmsKind kind, SyncConfiguration? configuration = null, Action<ISpringClientOptions>? iSpring = null, IClock? clock = null,
        IActivityLog? log = null, Action<ScimClientOptions>? scim = null) =>
        new(new SyncSession("test", SalesforceClient(), Connector(kind, iSpring, scim), configuration ?? Configuration(kind), Paths, clock, log));

    public async Task<(RunSummary Summary, RecordingObserver Observer)> RunAsync(SyncEngine engine, RunRequest? request = null,
        RecordingObserver? observer = null, CancellationToken ct = default)
    {
        observer ??= new RecordingObserver();
        var summary = await engine.RunAsync(request ?? new RunRequest(), observer, ct);
        return (summary, observer);
    }

    /// <summary>Every secret this Sandbox hands out: to prove none of them leaks.</summary>
    public IReadOnlyList<string> Secrets()
    {
        var secrets = new List<string>
        {
            Salesforce.Credentials.ClientSecret, Salesforce.Credentials.Password, Salesforce.Credentials.SecurityToken,
            Salesforce.Credentials.RefreshToken, Salesforce.Credentials.CertificatePassword,
            (string)Host.Info["ispring"]!["clientSecret"]!,
            Host.Emulator<SkyPrepEmulator>().ApiKey, Host.Emulator<ScimEmulator>().Token,
        };
        return secrets;
    }

    public static RetryPolicy NoSleep() => new() { Delay = (_, _) => Task.CompletedTask, AttemptTimeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
