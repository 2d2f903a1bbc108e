using System;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Sandbox.Hosting;

/// <summary>What every emulator shares: options, clock, fault rules, request log, and (once listening) the URLs.</summary>
public sealed class SandboxContext
{
    public SandboxContext(SandboxOptions options, string dataDirectory)
    {
        Options = options;
        DataDirectory = dataDirectory;
        Clock = new SandboxClock(options.StartTime);
    }

    public SandboxOptions Options { get; }
    public string DataDirectory { get; }
    public SandboxClock Clock { get; }
    public FaultInjector Faults { get; } = new();
    public RequestLog Requests { get; } = new();

    /// <summary>Main listener, e.g. <c>http://127.0.0.1:5123</c> (no trailing slash). Set once listening.</summary>
    public string BaseUrl { get; internal set; } = "";

    /// <summary>Salesforce login host stand-in, e.g. <c>http://127.0.0.1:5124</c>. Set once listening.</summary>
    public string LoginUrl { get; internal set; } = "";

    public int Port { get; internal set; }
    public int LoginPort { get; internal set; }

    /// <summary>True when a request came in on the login listener (login.salesforce.com) rather than the My Domain one.</summary>
    public bool IsLoginHost(Microsoft.AspNetCore.Http.HttpContext http) => http.Connection.LocalPort == LoginPort;

    /// <summary>The emulator a request belongs to, by path: <c>/ispring/…</c> → ispring; anything else → salesforce.</summary>
    public static string EmulatorOf(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        var first = slash < 0 ? trimmed : trimmed.Substring(0, slash);
        return first is "ispring" or "skyprep" or "scim" or "__admin" ? first : "salesforce";
    }

    internal static string NewDataDirectory() =>
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lmssync-sandbox-" + Guid.NewGuid().ToString("N"))).FullName;
}
