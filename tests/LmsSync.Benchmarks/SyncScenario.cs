using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Http;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;
using LmsSync.Sandbox.Salesforce;
using LmsSync.Sandbox.Scim;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Benchmarks;

/// <summary>
/// sync: an initial sync of N Salesforce users (default 10,000) into each empty LMS emulator, then its no-op re-run;
/// prints users synced, LMS write calls, retries and wall time. SkyPrep's rate limit is honoured on the Sandbox clock
/// (its waits advance that clock instead of sleeping), so its wall time is the work, not the mandated pauses.
/// Usage: <c>dotnet run -c Release --project tests/LmsSync.Benchmarks -- sync [--users N] [--lms ispring,skyprep,scim]</c>.
/// </summary>
public sealed class SyncScenario : IBenchmarkScenario
{
    public string Name => "sync";
    public string Description => "initial sync and no-op re-run of N users into each LMS emulator (--users, --lms)";

    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var users = 10_000;
        var kinds = "ispring,skyprep,scim";
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--users") users = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--lms") kinds = args[i + 1];
        }
        foreach (var name in kinds.Split(','))
        {
            var kind = name.Trim().ToLowerInvariant() switch { "ispring" => LmsKind.ISpring, "skyprep" => LmsKind.SkyPrep, "scim" => LmsKind.Scim, _ => throw new ArgumentException("Unknown LMS " + name) };
            await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = users });
            host.Emulator<ISpringEmulator>().Store.Reset(seed: false);
            host.Emulator<SkyPrepEmulator>().Reset(empty: true);
            host.Emulator<ScimEmulator>().Reset();
            var folder = Path.Combine(Path.GetTempPath(), "lmssync-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                for (var pass = 1; pass <= 2; pass++)
                {
                    using var session = Session(host, kind, new ProfilePaths(folder));
                    var observer = new CountingObserver();
                    var wall = Stopwatch.StartNew();
                    var summary = await new SyncEngine(session).RunAsync(new RunRequest(), observer, CancellationToken.None);
                    wall.Stop();
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "sync {0,-8} {1}: {2} Salesforce users, {3} created/updated/deactivated OK, {4} failed, {5} LMS write calls, {6} retries, {7:0.0} s wall — {8}{9}",
                        kind, pass == 1 ? "initial" : "re-run ", summary.SalesforceUsersRead, observer.Applied, observer.Failed, summary.WriteCalls, summary.Retries,
                        wall.Elapsed.TotalSeconds, summary.Status, summary.Message == null ? "" : ": " + summary.Message));
                }
            }
            finally
            {
                try { Directory.Delete(folder, true); } catch (IOException) { }
            }
        }
        return 0;
    }

    private static SyncSession Session(SandboxHost host, LmsKind kind, ProfilePaths paths)
    {
        var sf = host.Emulator<SalesforceEmulator>();
        var salesforce = new SalesforceClient(new Core.Salesforce.SalesforceSettings
        {
            LoginUrl = host.BaseUrl,
            ClientId = sf.Credentials.ClientId,
            Credential = new ClientCredentialsCredential(SecureStrings.FromPlain(sf.Credentials.ClientSecret)),
        });
        ILmsConnector lms;
        switch (kind)
        {
            case LmsKind.ISpring:
                lms = new ISpringConnector(new ISpringClientOptions
                {
                    BaseUrl = (string)host.Info["ispring"]!["url"]!,
                    ClientId = (string)host.Info["ispring"]!["clientId"]!,
                    ClientSecret = SecureStrings.FromPlain((string)host.Info["ispring"]!["clientSecret"]!),
                });
                break;
            case LmsKind.SkyPrep:
                var skyPrep = host.Emulator<SkyPrepEmulator>();
                lms = new SkyPrepConnector(new SkyPrepClientOptions
                {
                    BaseUrl = skyPrep.Url(host.Context),
                    ApiKey = SecureStrings.FromPlain(skyPrep.ApiKey),
                    AcctKey = skyPrep.AcctKey,
                    Now = () => host.Context.Clock.UtcNow,
                    ThrottleDelay = (wait, _) => { host.Context.Clock.Advance(wait); return Task.CompletedTask; },
                    Retry = new RetryPolicy { Delay = (wait, _) => { host.Context.Clock.Advance(wait); return Task.CompletedTask; } },
                });
                break;
            default:
                lms = new ScimConnector(new ScimClientOptions { BaseUrl = host.BaseUrl + "/scim/v2", Token = SecureStrings.FromPlain(host.Emulator<ScimEmulator>().Token) });
                break;
        }
        var configuration = new SyncConfiguration { Mapping = LmsFieldCatalog.DefaultMapping(kind) };
        if (kind == LmsKind.SkyPrep && configuration.Mapping.Find("first_name") is { } firstName) firstName.Default = "-";
        configuration.Options.DeactivateMissingUsers = true;
        return new SyncSession("bench", salesforce, lms, configuration, paths);
    }

    private sealed class CountingObserver : IRunObserver
    {
        public int Applied;
        public int Failed;

        public void OnResult(UserResult result)
        {
            if (result.Status == ResultStatus.Failure) Failed++;
            else if (result.Status == ResultStatus.Success && result.Action != PlanAction.NoChange) Applied++;
        }

        public void OnProgress(SyncProgress progress) { }
        public Task<bool> ConfirmAsync(PlanRow row, string action) => Task.FromResult(true);
    }
}
