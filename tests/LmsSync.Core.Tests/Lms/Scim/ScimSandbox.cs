using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Scim;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// One Sandbox for all SCIM contract tests (starting one costs more than a test); they run one after another
/// in this collection and each resets the SCIM emulator.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScimSandboxCollection : ICollectionFixture<ScimSandboxFixture>
{
    public const string Name = "SCIM sandbox";
}

public sealed class ScimSandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>What a SCIM test needs: the emulator, a client on it with a no-sleep retry policy, and the request log.</summary>
[Collection(ScimSandboxCollection.Name)]
public abstract class ScimTestBase : IDisposable
{
    private readonly List<ScimClient> _clients = new();

    protected ScimTestBase(ScimSandboxFixture fixture)
    {
        Host = fixture.Host;
        Emulator = Host.Emulator<ScimEmulator>();
        Emulator.Reset();
        Host.Context.Faults.Clear();
        Mark = Host.Context.Requests.Mark;
    }

    protected SandboxHost Host { get; }
    protected ScimEmulator Emulator { get; }
    protected long Mark { get; }
    protected List<TimeSpan> Waits { get; } = new();

    protected string Url => Host.BaseUrl + "/scim/v2";

    protected ScimClient Client(Action<ScimClientOptions>? configure = null)
    {
        var options = new ScimClientOptions
        {
            BaseUrl = Url,
            Token = Secure(Emulator.Token),
            RetryPolicy = new RetryPolicy { Delay = (wait, _) => { lock (Waits) Waits.Add(wait); return Task.CompletedTask; } },
        };
        configure?.Invoke(options);
        var client = new ScimClient(options);
        _clients.Add(client);
        return client;
    }

    protected void Switch(Action<ScimBehaviour> change)
    {
        var behaviour = Emulator.Behaviour;
        change(behaviour);
        Emulator.Behaviour = behaviour;
    }

    /// <summary>The SCIM requests since the test started (method, path with query, status).</summary>
    protected IReadOnlyList<LoggedRequest> Requests(string? method = null, string? pathStart = null) =>
        Host.Context.Requests.Since(Mark, "scim")
            .Where(r => (method is null || r.Method == method) && (pathStart is null || r.Path.StartsWith("/scim/v2" + pathStart, StringComparison.Ordinal)))
            .ToList();

    protected System.Text.Json.Nodes.JsonObject StoredUser(string userName) =>
        Emulator.Snapshot().Users.Single(u => string.Equals((string?)u["userName"], userName, StringComparison.OrdinalIgnoreCase));

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public virtual void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
