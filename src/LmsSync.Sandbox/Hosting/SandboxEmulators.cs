using System.Collections.Generic;

namespace LmsSync.Sandbox.Hosting;

/// <summary>The emulators a Sandbox hosts. Add a new one here.</summary>
internal static class SandboxEmulators
{
    public static IReadOnlyList<ISandboxEmulator> Create(SandboxContext context) => new List<ISandboxEmulator>
    {
        new Salesforce.SalesforceEmulator(context),
        new SkyPrep.SkyPrepEmulator(context),
        new ISpring.ISpringEmulator(context),
        new Scim.ScimEmulator(),
    };
}
