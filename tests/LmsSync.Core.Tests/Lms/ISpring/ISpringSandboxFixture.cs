using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>One Sandbox per test class; <see cref="Reset"/> puts the iSpring emulator back to its seed before each test.</summary>
public sealed class ISpringSandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;
    public ISpringEmulator Emulator => Host.Emulator<ISpringEmulator>();
    public ISpringStore Store => Emulator.Store;

    public async Task InitializeAsync() => Host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public void Reset(bool empty = false)
    {
        Host.Context.Faults.Clear();
        Host.Context.Requests.Clear();
        Emulator.Behaviour = new ISpringBehaviour();
        Emulator.AfterMembersWritten = null;
        Store.WhileListing = null;
        Store.Reset(seed: !empty);
    }

    public string Url => (string)Host.Info["ispring"]!["url"]!;
    public string ClientId => (string)Host.Info["ispring"]!["clientId"]!;
    public string ClientSecret => (string)Host.Info["ispring"]!["clientSecret"]!;

    /// <summary>A client against this Sandbox whose retry waits are recorded, not slept.</summary>
    public ISpringClient Client(List<TimeSpan>? waits = null, Action<ISpringClientOptions>? configure = null)
    {
        var options = new ISpringClientOptions
        {
            BaseUrl = Url,
            ClientId = ClientId,
            ClientSecret = Secure(ClientSecret),
            DefaultInvitationMessage = null,
            RetryPolicy = new RetryPolicy
            {
                Delay = (wait, _) => { if (waits != null) lock (waits) waits.Add(wait); return Task.CompletedTask; },
            },
        };
        configure?.Invoke(options);
        return new ISpringClient(options);
    }

    public static SecureString Secure(string text) => LmsSync.Core.Storage.SecureStrings.FromPlain(text);

    /// <summary>Requests the iSpring emulator answered since the last reset, as "METHOD /path" without the /ispring prefix and query.</summary>
    public IReadOnlyList<string> Calls() => Host.Context.Requests.Since(0, "ispring")
        .Select(r => r.Method + " " + r.Path.Split('?')[0].Substring(ISpringEmulator.Prefix.Length)).ToList();

    public string UserId(string login) => Store.UserByLogin(login)?.UserId ?? throw new InvalidOperationException("No seeded user " + login);
    public string GroupId(string name) => Store.GroupByName(name)?.GroupId ?? throw new InvalidOperationException("No group " + name);
    public string DepartmentId(string name) => Store.DepartmentByName(name)?.DepartmentId ?? throw new InvalidOperationException("No department " + name);
}
