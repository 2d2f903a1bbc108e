using System;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>What <see cref="SfSeed.Create"/> builds: how many users, from which random seed, at what time.</summary>
public sealed class SfSeedOptions
{
    /// <summary>Number of User rows, the special users included (at least 10 for every awkward category to appear).</summary>
    public int Users { get; set; } = 500;

    /// <summary>Random seed: the same (Users, Seed) always gives the same data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The org's clock; seeded dates (modstamps, termination dates) are relative to it. Defaults to the wall clock.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Username of the first user: the active System Administrator the sync signs in as.</summary>
    public string IntegrationUsername { get; set; } = "integration@sandbox.example.com";

    /// <summary>The org's default time zone, given to the integration user ("UTC" is Salesforce's "GMT").</summary>
    public string TimeZoneId { get; set; } = "UTC";
}
