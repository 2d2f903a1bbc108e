namespace LmsSync.Benchmarks;

/// <summary>One benchmark the runner can run by name; it prints its own figures.</summary>
public interface IBenchmarkScenario
{
    string Name { get; }
    string Description { get; }

    /// <summary>Runs and prints; returns a process exit code (non-zero when a target is missed).</summary>
    int Run(string[] args);
}
