using System;

namespace LmsSync.Sandbox.Hosting;

/// <summary>How a Sandbox starts: where it listens, how much seeded data it holds, where it says so.</summary>
public sealed class SandboxOptions
{
    /// <summary>Port of the main listener (Salesforce instance / My Domain and every LMS emulator); 0 = any free port.</summary>
    public int Port { get; init; }

    /// <summary>Port of the Salesforce login host (login.salesforce.com stand-in); 0 = any free port.</summary>
    public int LoginPort { get; init; }

    /// <summary>Seeded Salesforce users (10 to 500,000).</summary>
    public int Users { get; init; } = 500;

    /// <summary>Seed of the deterministic data generator.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where to write sandbox.json once listening; null = don't.</summary>
    public string? InfoPath { get; init; }

    /// <summary>Folder for generated test-only material (the JWT certificate); null = a fresh temp folder.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The emulators' clock starts here (then runs); null = real time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"--port must be 0..65535, not {Port}.");
        if (LoginPort is < 0 or > 65535) throw new ArgumentException($"--login-port must be 0..65535, not {LoginPort}.");
        if (Users is < 10 or > 500_000) throw new ArgumentException($"--users must be 10..500000, not {Users}.");
    }
}
