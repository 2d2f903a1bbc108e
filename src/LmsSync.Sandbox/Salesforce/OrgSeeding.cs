using System;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>
/// Builds the emulator's org from the deterministic seed: user 1 = the integration user (active,
/// System Administrator), user 2 = <see cref="SfSeed.InactiveUsername"/> (inactive), then the rest.
/// </summary>
internal static class OrgSeeding
{
    public static SfOrg Create(int users, int seed, Func<DateTimeOffset> clock) => SfSeed.Create(new SfSeedOptions
    {
        Users = users,
        Seed = seed,
        Clock = clock,
        IntegrationUsername = Auth.SalesforceCredentials.IntegrationUsername,
    });
}
