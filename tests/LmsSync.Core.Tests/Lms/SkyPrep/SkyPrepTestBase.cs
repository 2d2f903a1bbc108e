using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>One Sandbox per test class (starting one per test costs more than the tests); reset before each test.</summary>
public sealed class SkyPrepSandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// A client pointed at the SkyPrep emulator over real HTTP, with the emulator reset to its seeded state and
/// default switches, and no faults. Nothing sleeps: the retry layer's waits are recorded and, like the client's
/// throttle waits, move the Sandbox clock (which the emulator's rate window reads), so "wait a minute" takes no time.
/// </summary>
public abstract class SkyPrepTestBase : IClassFixture<SkyPrepSandboxFixture>
{
    private readonly long _mark;

    protected SkyPrepTestBase(SkyPrepSandboxFixture fixture)
    {
        Host = fixture.Host;
        Emulator = Host.Emulator<SkyPrepEmulator>();
        Emulator.Reset();
        Host.Context.Faults.Clear();
        _mark = Host.Context.Requests.Mark;
    }

    protected SandboxHost Host { get; }
    protected SkyPrepEmulator Emulator { get; }
    protected List<TimeSpan> RetryWaits { get; } = new();
    protected List<TimeSpan> ThrottleWaits { get; } = new();
    protected List<RetryEvent> Retries { get; } = new();
    protected List<WireRequest> Wire { get; } = new();

    protected SkyPrepClient Client(Action<SkyPrepClientOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        return new SkyPrepClient(options, new Recorder(Wire, new HttpClientHandler()));
    }

    protected SkyPrepClientOptions Options() => new()
    {
        BaseUrl = Emulator.Url(Host.Context),
        ApiKey = Secure(Emulator.ApiKey),
        AcctKey = Emulator.AcctKey,
        Now = () => Host.Context.Clock.UtcNow,
        ThrottleDelay = (wait, _) => { lock (ThrottleWaits) ThrottleWaits.Add(wait); Host.Context.Clock.Advance(wait); return Task.CompletedTask; },
        Retry = new RetryPolicy
        {
            Delay = (wait, _) => { lock (RetryWaits) RetryWaits.Add(wait); Host.Context.Clock.Advance(wait); return Task.CompletedTask; },
            OnRetry = e => { lock (Retries) Retries.Add(e); },
        },
    };

    protected static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The emulator's API calls so far, by method name (e.g. <c>get_users</c>).</summary>
    protected IReadOnlyList<LoggedRequest> Calls(string? method = null) =>
        Host.Context.Requests.Since(_mark, "skyprep")
            .Where(r => method is null || r.Path.Split('?')[0] == "/skyprep/admin/api/" + method)
            .ToList();

    protected SkyPrepUserRecord StoredUser(string email) =>
        Emulator.State.FindByEmail(email) ?? throw new InvalidOperationException($"The emulator has no {email}.");

    protected static async Task<List<T>> ReadAll<T>(SkyPrepPageReader<T> reader)
    {
        var all = new List<T>();
        IReadOnlyList<T>? page;
        while ((page = await reader.ReadPageAsync()) != null)
        {
            Assert.NotEmpty(page);
            all.AddRange(page);
        }
        return all;
    }

    /// <summary>One request as it left the client: URL, headers and form body.</summary>
    public sealed record WireRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);

    private sealed class Recorder(List<WireRequest> wire, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            lock (wire) wire.Add(new WireRequest(request.Method.Method, request.RequestUri!, headers, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
