using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Sandbox.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LmsSync.Sandbox.Hosting;

/// <summary>
/// The Sandbox as a running server on 127.0.0.1: the emulators, fault injection, a request log and
/// an admin API. Used by <see cref="Program"/>, by tests (in-process) and by the benchmarks.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, SandboxContext context, IReadOnlyList<ISandboxEmulator> emulators)
    {
        _app = app;
        Context = context;
        Emulators = emulators;
    }

    public SandboxContext Context { get; }
    public IReadOnlyList<ISandboxEmulator> Emulators { get; }
    public string BaseUrl => Context.BaseUrl;

    /// <summary>The sandbox.json document: <c>baseUrl</c> plus one section per emulator.</summary>
    public JsonObject Info { get; private set; } = new();

    public T Emulator<T>() where T : ISandboxEmulator => Emulators.OfType<T>().Single();

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var context = new SandboxContext(options, options.DataDirectory ?? SandboxContext.NewDataDirectory());
        var emulators = SandboxEmulators.Create(context);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? main = null, login = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, o => main = o);
            kestrel.Listen(IPAddress.Loopback, options.LoginPort, o => login = o);
        });
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>(context);
        app.UseMiddleware<FaultMiddleware>(context.Faults);
        SandboxAdminApi.Map(app, context);
        foreach (var emulator in emulators) emulator.Map(app, context);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        context.Port = main!.IPEndPoint!.Port;
        context.LoginPort = login!.IPEndPoint!.Port;
        context.BaseUrl = "http://127.0.0.1:" + context.Port;
        context.LoginUrl = "http://127.0.0.1:" + context.LoginPort;

        var host = new SandboxHost(app, context, emulators);
        host.Info = host.BuildInfo();
        if (options.InfoPath is not null) WriteInfoFile(options.InfoPath, host.Info);
        return host;
    }

    private JsonObject BuildInfo()
    {
        var info = new JsonObject { ["baseUrl"] = Context.BaseUrl };
        foreach (var emulator in Emulators) info[emulator.Name] = emulator.DescribeForInfoFile(Context);
        return info;
    }

    /// <summary>Written whole or not at all (temp file, then rename), so a reader never sees half a file.</summary>
    private static void WriteInfoFile(string path, JsonObject info)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, info.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, full, overwrite: true);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (Context.Options.DataDirectory is null)
        {
            try { Directory.Delete(Context.DataDirectory, recursive: true); }
            catch (IOException) { /* best effort: a temp folder */ }
        }
    }

    /// <summary>
    /// Logs each request as its response starts, before the client can have it, so a test that reads the log right
    /// after a call returns always finds it (logging after the handler raced with bodies sent whole with Content-Length);
    /// a request answered without a response (a dropped connection) is logged when the handler ends.
    /// </summary>
    private sealed class RequestLogMiddleware(RequestDelegate next, SandboxContext context)
    {
        public async Task InvokeAsync(HttpContext http)
        {
            var started = Stopwatch.GetTimestamp();
            var path = (http.Request.Path.Value ?? "/") + http.Request.QueryString.Value;
            var emulator = SandboxContext.EmulatorOf(http.Request.Path.Value ?? "/");
            if (emulator == "__admin")
            {
                await next(http);
                return;
            }
            var logged = 0;
            void Log(int status)
            {
                if (Interlocked.Exchange(ref logged, 1) == 0)
                    context.Requests.Add(context.Clock.UtcNow, emulator, http.Request.Method, path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            http.Response.OnStarting(() =>
            {
                Log(http.Response.StatusCode);
                return Task.CompletedTask;
            });
            try
            {
                await next(http);
            }
            finally
            {
                Log(http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted ? 0 : http.Response.StatusCode);
            }
        }
    }
}
