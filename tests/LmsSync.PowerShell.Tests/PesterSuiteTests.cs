using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace LmsSync.PowerShell.Tests;

/// <summary>Runs only where pwsh is on PATH; otherwise it is reported as skipped, with the reason.</summary>
public sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
    {
        if (Pwsh.Path is null) Skip = "pwsh is not on PATH here, so the Pester suite (tests/Pester) was skipped; it runs on real PowerShell during acceptance.";
    }
}

internal static class Pwsh
{
    public static readonly string? Path = Find();

    private static string? Find()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "pwsh.exe" } : new[] { "pwsh" };
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .SelectMany(dir => names.Select(n => System.IO.Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
    }
}

[Collection("module")]
public sealed class PesterSuiteTests(ModuleFixture module)
{
    [PwshFact]
    public void The_Pester_suite_passes_on_the_built_module()
    {
        var script = Path.Combine(module.RepoRoot, "tests", "Pester", "Invoke-PesterSuite.ps1");
        var start = new ProcessStartInfo(Pwsh.Path!, new[] { "-NoProfile", "-NonInteractive", "-File", script, "-ModulePath", Path.Combine(module.ModuleFolder, "LmsSync.psd1") })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = module.RepoRoot,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"Pester failed (exit {process.ExitCode}).\n{output.Result}\n{errors.Result}");
    }
}
