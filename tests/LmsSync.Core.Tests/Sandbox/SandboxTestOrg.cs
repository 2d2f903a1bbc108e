using System;
using System.Collections.Generic;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Core.Tests.Sandbox;

/// <summary>A settable clock, so tests can move time and see modstamps and date literals follow.</summary>
internal sealed class TestClock(DateTimeOffset now)
{
    public DateTimeOffset Now { get; set; } = now;

    public Func<DateTimeOffset> Func => () => Now;
}

/// <summary>
/// A small hand-made org whose every value the SOQL tests can reason about, built through the
/// public Insert API. "Today" is 2026-09-30 (UTC).
/// </summary>
internal sealed class SandboxTestOrg
{
    public static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);

    public SandboxTestOrg()
    {
        Clock = new TestClock(Now);
        Org = new SfOrg(SfSchema.Standard(), Clock.Func);
        AdminProfile = Insert("Profile", new() { ["Name"] = "System Administrator" });
        UserProfile = Insert("Profile", new() { ["Name"] = "Standard User" });
        SalesRole = Insert("UserRole", new() { ["Name"] = "Sales Rep", ["DeveloperName"] = "SalesRep" });

        // Boss ← Middle ← Smith ← Solo is a reporting chain; Müller has no manager.
        Boss = User("Bea", "Boss", "bea.boss@acme.example.com", new()
        {
            ["Department"] = "Sales", ["Title"] = "VP Sales", ["Hire_Date__c"] = new DateOnly(2020, 1, 15),
            ["LMS_Groups__c"] = "Onboarding;Compliance", ["ProfileId"] = AdminProfile, ["UserRoleId"] = SalesRole,
        });
        Clock.Now = Now.AddDays(-2);
        Middle = User("Max", "Middle", "max.middle@acme.example.com", new()
        {
            ["Department"] = "Sales", ["ManagerId"] = Boss, ["Termination_Date__c"] = new DateOnly(2026, 9, 30),
            ["Hire_Date__c"] = new DateOnly(2022, 6, 1), ["EmployeeNumber"] = "E2",
        });
        Clock.Now = Now.AddDays(-10);
        Smith = User("Ann", "Smith", "ann.smith@acme.example.com", new()
        {
            ["Department"] = "Engineering", ["ManagerId"] = Middle, ["Termination_Date__c"] = new DateOnly(2026, 9, 29),
            ["CompanyName"] = "SkyPrep Inc", ["EmployeeNumber"] = "E3", ["LMS_Groups__c"] = "Compliance",
        });
        Clock.Now = Now.AddDays(-40);
        Muller = User("Zoë", "Müller", "zoe.muller@acme.example.com", new()
        {
            ["IsActive"] = false, ["Termination_Date__c"] = new DateOnly(2026, 10, 5), ["CompanyName"] = "Acme Corp",
            ["LMS_Groups__c"] = "Sales Academy;Onboarding",
        });
        Clock.Now = Now;
        Solo = User(null, "Solo", "SOLO@ACME.EXAMPLE.COM", new()
        {
            ["Department"] = "Support", ["ManagerId"] = Smith, ["Title"] = "50% off_sale",
        });

        SalesGroup = Insert("Group", new() { ["Name"] = "All Sales", ["DeveloperName"] = "All_Sales", ["Type"] = "Regular" });
        QueueGroup = Insert("Group", new() { ["Name"] = "Support Queue", ["DeveloperName"] = "Support_Queue", ["Type"] = "Queue" });
        Insert("GroupMember", new() { ["GroupId"] = SalesGroup, ["UserOrGroupId"] = Boss });
        Insert("GroupMember", new() { ["GroupId"] = SalesGroup, ["UserOrGroupId"] = Middle });
        Insert("GroupMember", new() { ["GroupId"] = QueueGroup, ["UserOrGroupId"] = Solo });

        Acme = Insert("Account", new() { ["Name"] = "Acme Corp", ["NumberOfEmployees"] = 12000, ["AnnualRevenue"] = 98500000.5m });
        Contact = Insert("Contact", new() { ["FirstName"] = "Carl", ["LastName"] = "Contact", ["AccountId"] = Acme, ["Active__c"] = true });
        OrphanContact = Insert("Contact", new() { ["LastName"] = "Orphan" });
        DeletedContact = Insert("Contact", new() { ["LastName"] = "Gone", ["AccountId"] = Acme });
        Org.Delete(DeletedContact);
    }

    public TestClock Clock { get; }
    public SfOrg Org { get; }
    public string AdminProfile { get; }
    public string UserProfile { get; }
    public string SalesRole { get; }
    public string Boss { get; }
    public string Middle { get; }
    public string Smith { get; }
    public string Muller { get; }
    public string Solo { get; }
    public string SalesGroup { get; }
    public string QueueGroup { get; }
    public string Acme { get; }
    public string Contact { get; }
    public string OrphanContact { get; }
    public string DeletedContact { get; }

    /// <summary>The LastName of every row the query returns, comma-separated, in result order.</summary>
    public string LastNames(string soql, bool includeDeleted = false)
    {
        var result = Org.Query(soql, includeDeleted);
        var names = new List<string?>();
        for (var i = 0; i < result.RowCount; i++)
        {
            names.Add(result.GetFlatValue(i, "LastName"));
        }

        return string.Join(",", names);
    }

    public SoqlException Reject(string soql) => Assert.Throws<SoqlException>(() => Org.Query(soql));

    private string User(string? first, string last, string email, Dictionary<string, object?> extra)
    {
        var values = new Dictionary<string, object?>
        {
            ["FirstName"] = first, ["LastName"] = last, ["Email"] = email, ["Username"] = email.ToLowerInvariant(),
            ["Alias"] = last.Length > 8 ? last[..8] : last, ["ProfileId"] = UserProfile, ["TimeZoneSidKey"] = "GMT",
            ["LocaleSidKey"] = "en_US", ["LanguageLocaleKey"] = "en_US",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return Insert("User", values);
    }

    private string Insert(string objectName, Dictionary<string, object?> values) => Org.Insert(objectName, values).Id;
}
