using System;
using System.Collections.Generic;

namespace LmsSync.Benchmarks;

/// <summary>
/// Runs benchmark scenarios by name: <c>dotnet run -c Release --project tests/LmsSync.Benchmarks -- plan</c>.
/// Add a scenario by adding an <see cref="IBenchmarkScenario"/> to <see cref="Scenarios"/>.
/// </summary>
public static class Program
{
    private static readonly IBenchmarkScenario[] Scenarios =
    {
        new PlanScenario(),
        new SalesforceReadBenchmark(),
        new LmsReadBenchmark(),
        new ScimParseBenchmark(),
        new SyncScenario(),
        new ScaleScenario(),
        new InitialSyncScenario(),
        new AllScenario(),
    };

    public static int Main(string[] args)
    {
        // A measured stage in its own process (see BenchmarkChild); not listed, not for people.
        if (args.Length >= 2 && args[0] == BenchmarkChild.Argument) return ScaleStages.RunStage(args[1], args[2..]);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            Console.WriteLine("Usage: dotnet run -c Release --project tests/LmsSync.Benchmarks -- <scenario> [options]");
            foreach (var scenario in Scenarios) Console.WriteLine($"  {scenario.Name,-12} {scenario.Description}");
            return args.Length == 0 ? 1 : 0;
        }
        var byName = new Dictionary<string, IBenchmarkScenario>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in Scenarios) byName[scenario.Name] = scenario;
        if (!byName.TryGetValue(args[0], out var chosen))
        {
            Console.Error.WriteLine($"No scenario '{args[0]}'. Known: {string.Join(", ", byName.Keys)}");
            return 2;
        }
#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for real figures.");
#endif
        return chosen.Run(args[1..]);
    }
}
