using System;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>What sign-in needs to know about a User record.</summary>
public sealed record OrgUser(string Id, string Username, bool IsActive);

/// <summary>Finds users by username, ignoring case as Salesforce does.</summary>
internal static class OrgUsers
{
    /// <summary>A scan: sign-ins are rare next to query pages, and the org has no username index to lean on.</summary>
    public static OrgUser? FindByUsername(SfOrg org, string username)
    {
        foreach (var row in org.Rows("User"))
        {
            if (row["Username"] is string name && string.Equals(name, username, StringComparison.OrdinalIgnoreCase))
            {
                return new OrgUser(row.Id, name, row["IsActive"] is true);
            }
        }
        return null;
    }
}
