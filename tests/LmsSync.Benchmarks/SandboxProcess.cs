using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// The Sandbox as a separate process (<c>dotnet LmsSync.Sandbox.dll --port 0 --users N --info sandbox.json</c>), so
/// its memory is not counted as the benchmark's. The dll is the one the project reference copies next to this one.
/// Disposing kills it (by its own process id) and deletes its folder.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private SandboxProcess(Process process, string folder, JsonObject info)
    {
        _process = process;
        _folder = folder;
        Info = info;
        InfoPath = Path.Combine(folder, "sandbox.json");
        Admin = new SandboxAdmin((string)info["baseUrl"]!);
    }

    /// <summary>The sandbox.json document the Sandbox wrote.</summary>
    public JsonObject Info { get; }
    public string InfoPath { get; }
    public SandboxAdmin Admin { get; }

    /// <summary>CPU the Sandbox process has used so far: on a shared machine a fairer measure of the emulator's cost than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<SandboxProcess> StartAsync(int users, int seed = 1)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "LmsSync.Sandbox.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("LmsSync.Sandbox.dll is not next to the benchmark; build the benchmark project.", dll);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-bench-sandbox-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;
        var info = Path.Combine(folder, "sandbox.json");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--port", "0", "--users", users.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--info", info, "--data", Path.Combine(folder, "data") })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Sandbox process.");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync(); // drained so the child never blocks on a full pipe
        var waited = Stopwatch.StartNew();
        while (!File.Exists(info))
        {
            if (process.HasExited) throw new InvalidOperationException($"The Sandbox exited with code {process.ExitCode}: {await errors}");
            if (waited.Elapsed > TimeSpan.FromMinutes(5))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The Sandbox did not write sandbox.json within 5 minutes.");
            }
            await Task.Delay(100);
        }
        return new SandboxProcess(process, folder, JsonNode.Parse(await File.ReadAllTextAsync(info))!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }
}
