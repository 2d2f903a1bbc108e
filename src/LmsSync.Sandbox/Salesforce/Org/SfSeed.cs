using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using V = LmsSync.Sandbox.Salesforce.Org.SeedVocabulary;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// Builds a realistic org for tests, the demo and benchmarks. Deterministic: the same
/// (<see cref="SfSeedOptions.Users"/>, <see cref="SfSeedOptions.Seed"/>) gives the same rows, ids
/// included; only dates move with the clock (they are relative to it). Fast and lean enough for
/// 500,000 users (shared strings, shared boxes, no per-row dictionaries).
/// </summary>
/// <remarks>
/// <para>Shape of the data:</para>
/// <list type="bullet">
/// <item><b>Profiles</b>: System Administrator, Standard User, Sales User, Support User, Chatter Free User.</item>
/// <item><b>Roles</b>: a small hierarchy (CEO → VP Sales → Sales Manager → Sales Rep, VP Engineering → Engineer,
///   Support Manager → Support Agent, Marketing, Back Office).</item>
/// <item><b>Users</b> (exactly <c>Users</c> rows):
///   user 1 is the integration user (Username = <c>IntegrationUsername</c>, active, System Administrator,
///   TimeZoneSidKey from <c>TimeZoneId</c>); user 2 is <c>inactive@sandbox.example.com</c> (IsActive = false);
///   user 3 the Automated Process user (UserType AutomatedProcess); user 4 the CEO, root of the manager tree.
///   Users 5–10 are a showcase so every awkward value exists even in a 10-user org (users 9 and 10 report to user 5, so Manager.Manager paths resolve): Zoë Müller
///   (plus-addressed email, terminated in the past, LMS groups), José Núñez (UPPER-CASE email, terminating
///   today, SkyPrep Partners), Łukasz Kowalski (terminating in the future, no FederationIdentifier, Chatter Free
///   / CsnOnly), 太郎 山田 (no Department, SkyPrep Inc), a user with no FirstName, and an active but frozen
///   Support user (UserLogin.IsFrozen).
///   Everyone else at random: emails <c>first.last[n]@acme.example.com</c> (1% <c>+lms</c>, 1% upper case),
///   Username = lower-cased email; ~5% inactive; 3% blank FirstName; 8% blank Department (Sales, Marketing,
///   Engineering, Support, Finance, HR, Operations, Legal, weighted); 10% blank Division; CompanyName 85%
///   "Acme Corp", 7% "SkyPrep Partners", 5% "SkyPrep Inc", 3% blank; Termination_Date__c 4% past, 1% today,
///   2% future, else blank; 15% blank FederationIdentifier; 5% blank EmployeeNumber; 25% LMS_Groups__c;
///   5% Chatter Free (UserType CsnOnly); ManagerId points at an earlier user (about seven reports each,
///   2% none); Hire_Date__c on 70%; SystemModstamp spread over the last 90 days; LastLoginDate on 80% of
///   active users.</item>
/// <item><b>Groups</b>: 14 public groups (Type = 'Regular', e.g. "All Sales", "Onboarding 2026", "Zoë's Book Club"),
///   plus a Queue ("Support Queue"), a Role group (RelatedId = the Sales Manager role) and the Organization
///   group "All Internal Users" — none of which are public groups.</item>
/// <item><b>GroupMembers</b>: each user (but the Automated Process user) in 0–3 public groups, department groups
///   always joined by their department ("All Sales" ← Sales); half the Support users in the queue; and one
///   nested group ("Managers" is a member of "Leadership").</item>
/// <item><b>Accounts</b> (5) and <b>Contacts</b> (Users / 20, between 10 and 500), some reporting to others,
///   Active__c on 85%; the last contact is soft-deleted (visible to queryAll only).</item>
/// <item><b>UserLogins</b> for every 20th user and the frozen showcase user; about a quarter frozen.</item>
/// </list>
/// </remarks>
public static class SfSeed
{
    public const string InactiveUsername = "inactive@sandbox.example.com";
    public const string AutomatedProcessUsername = "autoproc@sandbox.example.com";

    /// <summary>Index (0-based) of the showcase user who is active but frozen.</summary>
    internal const int FrozenUserIndex = 9;

    public static SfOrg Create(SfSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Users < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Users, "An org needs at least 4 users (integration, inactive, automated process, CEO).");
        }

        var org = new SfOrg(SfSchema.Standard(), options.Clock);
        var ctx = new SeedContext(org, options.Seed);
        var profiles = SeedProfiles(ctx);
        var roles = SeedRoles(ctx);
        var users = new SeedUsers(ctx, profiles, roles).Create(options);
        SeedGroups(ctx, users, roles);
        SeedContacts(ctx, options.Users);
        SeedUserLogins(ctx, users);
        // As a real org keeps SystemModstamp indexed: built once here, then kept by the writes, so the first
        // incremental read does not pay for it (building it lazily then cost more than the scan it saves).
        org.IndexStamps();
        return org;
    }

    private static Dictionary<string, string> SeedProfiles(SeedContext ctx)
    {
        var b = ctx.Builder("Profile");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in V.Profiles)
        {
            var v = b.New();
            b.Set(v, "Name", name);
            b.Set(v, "CreatedDate", ctx.Now.AddYears(-5));
            b.Set(v, "LastModifiedDate", ctx.WithinLastDays(365));
            b.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
            ids.Add(name, ctx.Org.InsertTrusted(b.Object, v).Id);
        }

        return ids;
    }

    private static List<string> SeedRoles(SeedContext ctx)
    {
        var b = ctx.Builder("UserRole");
        var ids = new List<string>();
        foreach (var (name, developerName, parent, _) in V.Roles)
        {
            var v = b.New();
            b.Set(v, "Name", name);
            b.Set(v, "DeveloperName", developerName);
            b.Set(v, "ParentRoleId", parent >= 0 ? ids[parent] : null);
            b.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
            ids.Add(ctx.Org.InsertTrusted(b.Object, v).Id);
        }

        return ids;
    }

    private static void SeedGroups(SeedContext ctx, List<SeededUser> users, List<string> roles)
    {
        var publicGroups = V.PublicGroups.Select(g => AddGroup(ctx, g.Name, "Regular", null)).ToList();
        var queue = AddGroup(ctx, "Support Queue", "Queue", null);
        AddGroup(ctx, "Sales Manager", "Role", roles[2]);
        AddGroup(ctx, "All Internal Users", "Organization", null);

        var chosen = new List<int>(4);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (i == 2)
            {
                continue; // the Automated Process user belongs to nothing
            }

            chosen.Clear();
            var departmentGroup = Array.FindIndex(V.PublicGroups, g => g.Department is not null && g.Department == user.Department);
            if (departmentGroup >= 0)
            {
                chosen.Add(departmentGroup);
            }

            if (i == 4)
            {
                chosen.Add(1); // the showcase user is in "Onboarding 2026"
            }

            var extra = ctx.Weighted([30, 40, 20, 10]);
            for (var attempt = 0; attempt < extra * 2 && chosen.Count < 3; attempt++)
            {
                var g = ctx.Random.Next(publicGroups.Count);
                if (!chosen.Contains(g))
                {
                    chosen.Add(g);
                }
            }

            foreach (var g in chosen)
            {
                AddMember(ctx, publicGroups[g], user.Id);
            }

            if (user.Department == "Support" && ctx.Chance(0.5))
            {
                AddMember(ctx, queue, user.Id);
            }
        }

        // Nested membership: the "Managers" group is itself a member of "Leadership".
        AddMember(ctx, publicGroups[11], publicGroups[4]);
    }

    private static string AddGroup(SeedContext ctx, string name, string type, string? relatedId)
    {
        var b = ctx.Builder("Group");
        var v = b.New();
        b.Set(v, "Name", name);
        b.Set(v, "DeveloperName", DeveloperName(name));
        b.Set(v, "Type", type);
        b.Set(v, "RelatedId", relatedId);
        b.Set(v, "CreatedDate", ctx.Now.AddDays(-400));
        b.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
        return ctx.Org.InsertTrusted(b.Object, v).Id;
    }

    private static void AddMember(SeedContext ctx, string groupId, string memberId)
    {
        var b = ctx.Builder("GroupMember");
        var v = b.New();
        b.Set(v, "GroupId", groupId);
        b.Set(v, "UserOrGroupId", memberId);
        b.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
        ctx.Org.InsertTrusted(b.Object, v);
    }

    private static void SeedContacts(SeedContext ctx, int userCount)
    {
        var accounts = ctx.Builder("Account");
        var accountIds = new List<string>();
        foreach (var (name, employees, revenue) in V.Accounts)
        {
            var v = accounts.New();
            accounts.Set(v, "Name", name);
            accounts.Set(v, "NumberOfEmployees", (decimal)employees);
            accounts.Set(v, "AnnualRevenue", revenue);
            accounts.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
            accountIds.Add(ctx.Org.InsertTrusted(accounts.Object, v).Id);
        }

        var contacts = ctx.Builder("Contact");
        var contactIds = new List<string>();
        var count = Math.Clamp(userCount / 20, 10, 500);
        for (var i = 0; i < count; i++)
        {
            var (first, firstAscii) = ctx.Pick(V.FirstNames);
            var (last, lastAscii) = ctx.Pick(V.LastNames);
            var account = ctx.Chance(0.1) ? -1 : ctx.Random.Next(accountIds.Count);
            var department = ctx.Chance(0.2) ? null : ctx.Pick(V.Departments);
            var v = contacts.New();
            contacts.Set(v, "FirstName", first);
            contacts.Set(v, "LastName", last);
            contacts.Set(v, "Email", $"{firstAscii}.{lastAscii}{i}@{(account >= 0 ? DeveloperName(V.Accounts[account].Name).ToLowerInvariant() : "gmail")}.example.com");
            contacts.Set(v, "Title", department is null ? null : ctx.Pick(V.Titles[department]));
            contacts.Set(v, "Department", department);
            contacts.Set(v, "AccountId", account >= 0 ? accountIds[account] : null);
            contacts.Set(v, "ReportsToId", contactIds.Count > 0 && ctx.Chance(0.3) ? ctx.Pick(contactIds) : null);
            contacts.Set(v, "Active__c", BoxedBool.Of(ctx.Chance(0.85)));
            contacts.Set(v, "SystemModstamp", ctx.WithinLastDays(90));
            contactIds.Add(ctx.Org.InsertTrusted(contacts.Object, v).Id);
        }

        ctx.Org.Delete(contactIds[^1]);
    }

    private static void SeedUserLogins(SeedContext ctx, List<SeededUser> users)
    {
        var b = ctx.Builder("UserLogin");
        for (var i = 0; i < users.Count; i++)
        {
            if (i % 20 != 5 && i != FrozenUserIndex)
            {
                continue;
            }

            var v = b.New();
            b.Set(v, "UserId", users[i].Id);
            b.Set(v, "IsFrozen", BoxedBool.Of(i == FrozenUserIndex || ctx.Chance(0.25)));
            b.Set(v, "IsPasswordLocked", BoxedBool.Of(ctx.Chance(0.05)));
            b.Set(v, "LastModifiedDate", ctx.WithinLastDays(90));
            ctx.Org.InsertTrusted(b.Object, v);
        }
    }

    // Developer names are ASCII letters, digits and single underscores: "Zoë's Book Club" → "Zoes_Book_Club".
    // (Folded by table rather than Unicode normalisation, which the Sandbox's invariant-globalization mode may lack.)
    private static string DeveloperName(string name)
    {
        const string accented = "àáâäåèéêëìíîïòóôöøùúûüñçłÀÁÂÄÅÈÉÊËÌÍÎÏÒÓÔÖØÙÚÛÜÑÇŁ";
        const string plain = "aaaaaeeeeiiiiooooouuuuncl" + "AAAAAEEEEIIIIOOOOOUUUUNCL";
        var result = new StringBuilder();
        foreach (var raw in name)
        {
            var index = accented.IndexOf(raw);
            var c = index >= 0 ? plain[index] : raw;
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(c);
            }
            else if (c == ' ' && result.Length > 0 && result[^1] != '_')
            {
                result.Append('_');
            }
        }

        return result.ToString().Trim('_');
    }
}
