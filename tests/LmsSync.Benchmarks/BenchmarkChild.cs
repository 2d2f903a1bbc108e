using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// Runs one measured stage in a child process of the benchmark (this dll again, with the hidden first argument
/// <c>--child</c>), so its peak working set is its own and not what an earlier stage left behind. The child prints
/// progress lines (passed through, indented) and ends with one <c>@result {json}</c> line: the stage's figures plus
/// the child's peak working set (VmHWM on Linux) and GC figures.
/// </summary>
internal static class BenchmarkChild
{
    public const string Argument = "--child";
    private const string ResultPrefix = "@result ";

    /// <summary>Parent side: runs the stage and returns its result object; throws when the child fails or reports nothing.</summary>
    public static async Task<JsonObject> RunAsync(string stage, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        var entry = typeof(Program).Assembly.Location;
        // Under `dotnet run` the process is the dotnet host: name the dll; under an apphost the dll is implied.
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(entry);
        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(stage);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark child process.");
        JsonObject? result = null;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) != null)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) result = JsonNode.Parse(line.Substring(ResultPrefix.Length))!.AsObject();
            else Console.WriteLine("    " + line);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || result == null)
            throw new InvalidOperationException($"Benchmark stage '{stage}' failed (exit code {process.ExitCode}); its output is above.");
        return result;
    }

    /// <summary>Child side: adds the process's memory and GC figures to the stage's result and prints the result line.</summary>
    public static void Report(JsonObject result)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        result["peakWorkingSetMiB"] = Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024), 1);
        result["allocatedMiB"] = Math.Round(GC.GetTotalAllocatedBytes() / (1024.0 * 1024), 1);
        result["gen2Collections"] = GC.CollectionCount(2);
        result["gcPauseMs"] = Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 0);
        // CPU and the runtime's compiling, which wall times on the shared two cores hide (a fresh process compiles every
        // method it calls: most of a short run's start-up).
        result["cpuMs"] = Math.Round(self.TotalProcessorTime.TotalMilliseconds, 0);
        result["jitMethods"] = System.Runtime.JitInfo.GetCompiledMethodCount();
        result["jitMs"] = Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, 0);
        Console.WriteLine(ResultPrefix + result.ToJsonString());
    }

    public static string Mib(JsonObject result) =>
        ((double)result["peakWorkingSetMiB"]!).ToString("N0", CultureInfo.InvariantCulture) + " MiB peak";
}
