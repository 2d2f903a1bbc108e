using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using V = LmsSync.Sandbox.Salesforce.Org.SeedVocabulary;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>What the group seeding needs to know about each user it created.</summary>
internal readonly record struct SeededUser(string Id, string? Department, string? Division, bool IsActive);

/// <summary>
/// Generates the User rows (see <see cref="SfSeed"/> for the shape). Users 0–3 are fixed special
/// users and users 4–9 a showcase that guarantees every awkward category appears even in a
/// ten-user org; the rest are drawn at random with the rates noted beside each field.
/// </summary>
internal sealed class SeedUsers
{
    public const string Domain = "acme.example.com";

    private readonly SeedContext _ctx;
    private readonly RowBuilder _b;
    private readonly IReadOnlyDictionary<string, string> _profiles;
    private readonly IReadOnlyList<string> _roles;
    private readonly Dictionary<string, int> _nameCounts = new(StringComparer.Ordinal);
    private readonly string[] _phones;
    private readonly string[] _costCenters;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public SeedUsers(SeedContext ctx, IReadOnlyDictionary<string, string> profiles, IReadOnlyList<string> roles)
    {
        _ctx = ctx;
        _b = ctx.Builder("User");
        _profiles = profiles;
        _roles = roles;
        // Pools keep half a million rows from each carrying their own copy of a phone number.
        _phones = Enumerable.Range(0, 997).Select(i => $"+1 415 555 {i:0000}").ToArray();
        _costCenters = V.Departments.SelectMany(d => Enumerable.Range(100, 12).Select(n => $"CC-{d.ToUpperInvariant()[..2]}-{n}")).ToArray();
    }

    public List<SeededUser> Create(SfSeedOptions options)
    {
        var users = new List<SeededUser>(options.Users);
        for (var i = 0; i < options.Users; i++)
        {
            users.Add(CreateUser(i, options, users));
        }

        return users;
    }

    private SeededUser CreateUser(int i, SfSeedOptions options, List<SeededUser> earlier)
    {
        var ctx = _ctx;
        var v = _b.New();

        var (first, firstAscii) = ctx.Pick(V.FirstNames);
        var (last, lastAscii) = ctx.Pick(V.LastNames);
        string? firstName = ctx.Chance(0.03) ? null : first;              // 3% blank first name
        var department = ctx.Chance(0.08) ? null : V.Departments[ctx.Weighted(V.DepartmentWeights)]; // 8% blank
        var location = ctx.Pick(V.Locations);
        var isActive = !ctx.Chance(0.05);                                  // 5% inactive
        var emailStyle = ctx.Random.Next(100);                             // 1% plus-addressed, 1% upper case
        string? termination = null;
        var roll = ctx.Random.NextDouble();
        if (roll < 0.04) termination = "past";                             // 4% left already
        else if (roll < 0.05) termination = "today";                       // 1% leave today
        else if (roll < 0.07) termination = "future";                      // 2% leave soon
        string? company = ctx.Random.Next(100) switch { < 85 => "Acme Corp", < 92 => "SkyPrep Partners", < 97 => "SkyPrep Inc", _ => null };
        var hasFederationId = !ctx.Chance(0.15);                           // 15% without SSO id
        string? lmsGroups = ctx.Chance(0.25) ? LmsGroups() : null;       // 25% with LMS groups
        var chatterFree = ctx.Chance(0.05);                                // 5% Chatter Free (CsnOnly)

        // The showcase: users 4–9 carry every awkward category, whatever the random draw said.
        switch (i)
        {
            case 4:
                (firstName, firstAscii, last, lastAscii) = ("Zoë", "zoe", "Müller", "muller");
                emailStyle = 0; termination = "past"; lmsGroups = "Onboarding;Compliance";
                break;
            case 5:
                (firstName, firstAscii, last, lastAscii) = ("José", "jose", "Núñez", "nunez");
                emailStyle = 1; termination = "today"; company = "SkyPrep Partners";
                break;
            case 6:
                (firstName, firstAscii, last, lastAscii) = ("Łukasz", "lukasz", "Kowalski", "kowalski");
                termination = "future"; hasFederationId = false; chatterFree = true;
                break;
            case 7:
                (firstName, firstAscii, last, lastAscii) = ("太郎", "taro", "山田", "yamada");
                department = null; company = "SkyPrep Inc"; termination = null;
                break;
            case 8:
                firstName = null; lmsGroups = "Sales Academy"; department = "Sales";
                break;
            case 9:
                department = "Support"; isActive = true; termination = null;
                break;
        }

        if (i >= 4 && i <= 9 && emailStyle > 1)
        {
            emailStyle = 50;
        }

        // Fixed special users.
        string? username = null, email = null, title = null, profile = null, userType = "Standard";
        var role = RoleFor(department);
        switch (i)
        {
            case 0:
                (firstName, last, username) = ("Integration", "User", options.IntegrationUsername);
                department = "Operations"; title = "Integration User"; profile = "System Administrator"; isActive = true;
                termination = null; hasFederationId = false; chatterFree = false; company = "Acme Corp"; role = null;
                break;
            case 1:
                (firstName, last, username) = ("Ina", "Active", SfSeed.InactiveUsername);
                isActive = false; termination = null; chatterFree = false; company = "Acme Corp";
                break;
            case 2:
                (firstName, last, username) = (null, "Automated Process", SfSeed.AutomatedProcessUsername);
                userType = "AutomatedProcess"; department = null; termination = null; hasFederationId = false;
                chatterFree = false; company = null; lmsGroups = null; role = null; isActive = true;
                break;
            case 3:
                department = "Operations"; title = "Chief Executive Officer"; role = _roles[0]; isActive = true;
                termination = null; chatterFree = false; company = "Acme Corp";
                break;
        }

        if (username is not null)
        {
            email = username;
        }
        else
        {
            var local = firstName is null ? lastAscii : $"{firstAscii}.{lastAscii}";
            var seen = _nameCounts.GetValueOrDefault(local);
            _nameCounts[local] = seen + 1;
            local = seen == 0 ? local : local + seen.ToString(CultureInfo.InvariantCulture);
            email = emailStyle switch
            {
                0 => $"{local}+lms@{Domain}",
                1 => $"{local}@{Domain}".ToUpperInvariant(),
                _ => $"{local}@{Domain}",
            };
            username = email.ToLowerInvariant();
            if (username == email)
            {
                username = email; // one string instance for both fields
            }
        }

        if (chatterFree)
        {
            profile = "Chatter Free User";
            userType = "CsnOnly";
        }

        profile ??= department switch
        {
            "Sales" when ctx.Chance(0.7) => "Sales User",
            "Support" when ctx.Chance(0.7) => "Support User",
            _ when ctx.Chance(0.01) => "System Administrator",
            _ => "Standard User",
        };

        title ??= department is not null ? ctx.Pick(V.Titles[department]) : ctx.Chance(0.3) ? null : ctx.Pick(V.Titles[ctx.Pick(V.Departments)]);

        var modstamp = ctx.WithinLastDays(90);
        object boxedModstamp = modstamp;
        var atSign = username.IndexOf('@');

        _b.Set(v, "Username", username);
        _b.Set(v, "Email", email);
        _b.Set(v, "FirstName", firstName);
        _b.Set(v, "LastName", last);
        _b.Set(v, "Alias", i switch { 0 => "integ", 1 => "inactive", 2 => "autoproc", _ => Alias(firstAscii, lastAscii) });
        _b.Set(v, "CommunityNickname", username[..Math.Min(atSign, 40)]);
        _b.Set(v, "IsActive", BoxedBool.Of(isActive));
        _b.Set(v, "Department", department);
        _b.Set(v, "Division", ctx.Chance(0.1) ? null : location.Division);   // 10% blank
        _b.Set(v, "CompanyName", company);
        _b.Set(v, "Title", title);
        _b.Set(v, "EmployeeNumber", i < 3 || ctx.Chance(0.05) ? null : $"E{100000 + i}");
        _b.Set(v, "FederationIdentifier", hasFederationId ? username : null);
        _b.Set(v, "ManagerId", ManagerOf(i, earlier));
        _b.Set(v, "ProfileId", _profiles[profile]);
        _b.Set(v, "UserRoleId", role is null || ctx.Chance(0.1) && i > 3 ? null : role);
        _b.Set(v, "UserType", userType);
        _b.Set(v, "Phone", ctx.Chance(0.4) ? null : ctx.Pick(_phones));
        _b.Set(v, "MobilePhone", ctx.Chance(0.6) ? null : ctx.Pick(_phones));
        _b.Set(v, "City", location.City);
        _b.Set(v, "State", location.State);
        _b.Set(v, "Country", location.Country);
        _b.Set(v, "TimeZoneSidKey", i == 0 ? OrgTimeZone(options.TimeZoneId) : location.TimeZone);
        _b.Set(v, "LocaleSidKey", location.Locale);
        _b.Set(v, "LanguageLocaleKey", location.Language);
        _b.Set(v, "AboutMe", ctx.Chance(0.02) ? "Always learning." : null);
        _b.Set(v, "Termination_Date__c", TerminationDate(termination));
        _b.Set(v, "Hire_Date__c", ctx.Chance(0.7) ? ctx.Today.AddDays(-ctx.Random.Next(30, 3650)) : null);
        _b.Set(v, "Cost_Center__c", ctx.Chance(0.2) ? null : ctx.Pick(_costCenters));
        _b.Set(v, "LMS_Groups__c", lmsGroups);
        _b.Set(v, "LastLoginDate", isActive && ctx.Chance(0.8) ? ctx.WithinLastDays(30) : null);
        _b.Set(v, "CreatedDate", modstamp.AddDays(-ctx.Random.Next(0, 1000)));
        _b.Set(v, "LastModifiedDate", boxedModstamp);
        _b.Set(v, "SystemModstamp", boxedModstamp);

        var row = ctx.Org.InsertTrusted(_b.Object, v);
        return new SeededUser(row.Id, department, location.Division, isActive);
    }

    // A management tree: the CEO (user 3) at the top, every later user reporting to an earlier
    // one, about seven reports each; 2% have no manager recorded.
    private string? ManagerOf(int i, List<SeededUser> earlier)
    {
        if (i <= 3)
        {
            return null;
        }

        return _ctx.Chance(0.02) ? null : earlier[3 + (i - 4) / 7].Id;
    }

    private object? TerminationDate(string? when) => when switch
    {
        "past" => _ctx.Today.AddDays(-_ctx.Random.Next(1, 365)),
        "today" => _ctx.Today,
        "future" => _ctx.Today.AddDays(_ctx.Random.Next(1, 90)),
        _ => null,
    };

    private string LmsGroups()
    {
        var count = _ctx.Random.Next(1, 4);
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(_ctx.Random.Next(V.LmsGroupValues.Length));
        }

        return string.Join(";", chosen.Select(c => V.LmsGroupValues[c]));
    }

    private string? RoleFor(string? department)
    {
        var index = Array.FindIndex(V.Roles, r => r.Department == department);
        return department is null ? null : index >= 0 ? _roles[index] : _roles[^1];
    }

    private string Alias(string firstAscii, string lastAscii)
    {
        var key = firstAscii[0] + lastAscii;
        if (!_aliases.TryGetValue(key, out var alias))
        {
            alias = key[..Math.Min(8, key.Length)];
            _aliases.Add(key, alias);
        }

        return alias;
    }

    private static string OrgTimeZone(string timeZoneId) => timeZoneId is "UTC" or "Etc/UTC" ? "GMT" : timeZoneId;
}
