using System;
using System.Text.Json.Nodes;
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

namespace LmsSync.Benchmarks;

/// <summary>
/// A sync session (what Invoke-SfLmsSync builds from a profile) against a Sandbox, from its sandbox.json document,
/// so it works the same for an in-process <see cref="Sandbox.Hosting.SandboxHost"/> and a Sandbox child process.
/// </summary>
internal static class SandboxSessions
{
    public static SyncSession Create(JsonObject info, LmsKind kind, ProfilePaths paths, MovableClock? skyPrepClock = null)
    {
        string Text(string section, string name) =>
            (string?)info[section]?[name] ?? throw new InvalidOperationException($"sandbox.json has no {section}.{name}.");
        var salesforce = new SalesforceClient(new Core.Salesforce.SalesforceSettings
        {
            LoginUrl = Text("salesforce", "instanceUrl"),
            ClientId = Text("salesforce", "clientId"),
            Credential = new ClientCredentialsCredential(SecureStrings.FromPlain(Text("salesforce", "clientSecret"))),
        });
        var log = TraceLog.FromEnvironment();
        ILmsConnector lms;
        switch (kind)
        {
            case LmsKind.ISpring:
                lms = new ISpringConnector(new ISpringClientOptions
                {
                    BaseUrl = Text("ispring", "url"),
                    ClientId = Text("ispring", "clientId"),
                    ClientSecret = SecureStrings.FromPlain(Text("ispring", "clientSecret")),
                    MaxConcurrentRequests = Ceiling() ?? ISpringCapabilities.DefaultMaxConcurrentRequests,
                    Log = log,
                });
                break;
            case LmsKind.SkyPrep:
                var options = new SkyPrepClientOptions
                {
                    BaseUrl = Text("skyprep", "url"),
                    ApiKey = SecureStrings.FromPlain(Text("skyprep", "apiKey")),
                    AcctKey = Text("skyprep", "acctKey"),
                };
                if (skyPrepClock != null)
                {
                    // The limiter's waits move the Sandbox clock instead of sleeping: the wall time is the work.
                    options.Now = skyPrepClock.Now;
                    options.ThrottleDelay = (wait, _) => { skyPrepClock.Advance(wait); return Task.CompletedTask; };
                    options.Retry = new RetryPolicy { Delay = (wait, _) => { skyPrepClock.Advance(wait); return Task.CompletedTask; } };
                }
                lms = new SkyPrepConnector(options);
                break;
            default:
                lms = new ScimConnector(new ScimClientOptions
                {
                    BaseUrl = Text("scim", "url"),
                    Token = SecureStrings.FromPlain(Text("scim", "token")),
                    MaxConcurrency = Ceiling() ?? ScimCapabilities.DefaultMaxConcurrency,
                    Log = log,
                });
                break;
        }
        var configuration = new SyncConfiguration { Mapping = LmsFieldCatalog.DefaultMapping(kind) };
        if (kind == LmsKind.SkyPrep && configuration.Mapping.Find("first_name") is { } firstName) firstName.Default = "-";
        configuration.Options.DeactivateMissingUsers = true;
        return new SyncSession("bench", salesforce, lms, configuration, paths, log: log);
    }

    /// <summary>
    /// <c>LMSSYNC_BENCH_MAX_CONCURRENCY</c>: the iSpring/SCIM ceiling on requests in flight, for A/B runs against the
    /// default (4 = the fixed concurrency before the limit adapted); unset = the client's default.
    /// </summary>
    private static int? Ceiling() =>
        int.TryParse(Environment.GetEnvironmentVariable("LMSSYNC_BENCH_MAX_CONCURRENCY"), out var ceiling) && ceiling > 0 ? ceiling : null;

    public static LmsKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "ispring" => LmsKind.ISpring,
        "skyprep" => LmsKind.SkyPrep,
        "scim" => LmsKind.Scim,
        _ => throw new ArgumentException("Unknown LMS " + name + "; use ispring, skyprep or scim."),
    };
}

/// <summary>A clock the SkyPrep client reads and its limiter advances (the in-process Sandbox's clock).</summary>
internal sealed class MovableClock(Func<DateTimeOffset> now, Action<TimeSpan> advance)
{
    public Func<DateTimeOffset> Now { get; } = now;
    public void Advance(TimeSpan by) => advance(by);
}
