using System.Collections.Generic;

namespace LmsSync.Sandbox.Hosting;

/// <summary>The emulators a Sandbox hosts. Add a new one here.</summary>
internal static class SandboxEmulators
{
    public static IReadOnlyList<ISandboxEmulator> Create(SandboxContext context) => new List<ISandboxEmulator>
    {
        new Salesforce.SalesforceEmulator(context),
    };
}
