using System;
using System.Collections.Generic;
using System.Globalization;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>
/// Builds the emulator's org. TEMPORARY: a minimal stand-in until <c>SfSeed</c> (branch soql) lands,
/// then this becomes one call to it. Same contract: user 1 = the integration user (active),
/// user 2 = inactive@sandbox.example.com (inactive), then ordinary active users.
/// </summary>
internal static class OrgSeeding
{
    public const string InactiveUsername = "inactive@sandbox.example.com";

    public static SfOrg Create(int users, int seed, Func<DateTimeOffset> clock)
    {
        var org = new SfOrg(SfSchema.Standard(), clock);
        var profile = org.Insert("Profile", new Dictionary<string, object?> { ["Name"] = "System Administrator" }).Id;
        for (var i = 1; i <= users; i++)
        {
            var username = i switch
            {
                1 => Auth.SalesforceCredentials.IntegrationUsername,
                2 => InactiveUsername,
                _ => $"user{i.ToString(CultureInfo.InvariantCulture)}.s{seed.ToString(CultureInfo.InvariantCulture)}@sandbox.example.com",
            };
            org.Insert("User", new Dictionary<string, object?>
            {
                ["Username"] = username,
                ["Email"] = username,
                ["LastName"] = "User" + i.ToString(CultureInfo.InvariantCulture),
                ["Alias"] = "u" + (i % 10_000_000).ToString(CultureInfo.InvariantCulture),
                ["IsActive"] = i != 2,
                ["ProfileId"] = profile,
                ["TimeZoneSidKey"] = "GMT",
                ["LocaleSidKey"] = "en_US",
                ["LanguageLocaleKey"] = "en_US",
            });
        }
        return org;
    }
}
