using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Sandbox;

/// <summary>
/// <c>dotnet run --project src/LmsSync.Sandbox -c Release -- --port 0 --users 500 --seed 1 --info sandbox.json</c>:
/// listens on 127.0.0.1, writes sandbox.json once listening, runs until Ctrl+C or SIGTERM.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SandboxOptions options;
        try
        {
            options = ParseArguments(args);
            options.Validate();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Usage: LmsSync.Sandbox [--port N] [--login-port N] [--users 10..500000] [--seed N] [--info sandbox.json] [--data DIR]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });

        await using var host = await SandboxHost.StartAsync(options, stop.Token);
        Console.WriteLine($"LmsSync Sandbox listening on {host.BaseUrl} (Salesforce login host {host.Context.LoginUrl}); {options.Users} users, seed {options.Seed}.");
        if (options.InfoPath is not null) Console.WriteLine($"Connection details: {System.IO.Path.GetFullPath(options.InfoPath)}");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Console.WriteLine("Stopping.");
        return 0;
    }

    internal static SandboxOptions ParseArguments(string[] args)
    {
        int port = 0, loginPort = 0, users = 500, seed = 1;
        string? info = null, data = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number(string name)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} must be a whole number, not '{text}'.");
            }
            switch (args[i])
            {
                case "--port": port = Number("--port"); break;
                case "--login-port": loginPort = Number("--login-port"); break;
                case "--users": users = Number("--users"); break;
                case "--seed": seed = Number("--seed"); break;
                case "--info": info = Value(); break;
                case "--data": data = Value(); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        return new SandboxOptions { Port = port, LoginPort = loginPort, Users = users, Seed = seed, InfoPath = info, DataDirectory = data };
    }
}
