using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// A planning scenario: Salesforce users, the LMS as it stands, the state, and the profile. Defaults to
/// iSpring Learn (departments and groups) with login/email ← Email, names, department ← Department,
/// groups ← Division.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset DefaultNow = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    public List<SourceUser> Users { get; } = new();
    public List<LmsUser> LmsUsers { get; } = new();
    public List<LmsGroup> Groups { get; } = new();
    public List<LmsDepartment> Departments { get; } = new() { new LmsDepartment("root", "Company", null) };
    public List<Link> Links { get; } = new();
    public List<string> ManagedGroupIds { get; } = new();
    public List<string> ManagedGroupNames { get; } = new();
    public List<string> CreatedDepartmentIds { get; } = new();
    public List<ImportRule> Rules { get; } = new();
    public ImportScope? Scope { get; set; }
    public SyncOptions Options { get; set; } = new SyncOptions();
    public SyncMapping Mapping { get; set; } = DefaultMapping();
    public LmsFieldCatalog Catalog { get; set; } = LmsFieldCatalog.ISpring;
    public LmsCapabilities Capabilities { get; set; } = LmsCapabilities.For(LmsKind.ISpring);
    public bool ReadComplete { get; set; } = true;
    public DateTimeOffset Now { get; set; } = DefaultNow;

    public static SyncMapping DefaultMapping() => new SyncMapping
    {
        Fields =
        {
            new FieldMapping("login", "Email") { Transforms = { FieldTransform.Trim, FieldTransform.Lower } },
            new FieldMapping("email", "Email") { Transforms = { FieldTransform.Trim, FieldTransform.Lower } },
            new FieldMapping("first_name", "FirstName"),
            new FieldMapping("last_name", "LastName"),
        },
        Department = new DepartmentMapping("Department"),
        Groups = new GroupMapping("Division"),
    };

    public Scenario Department(string id, string name, string? parent = "root")
    {
        Departments.Add(new LmsDepartment(id, name, parent));
        return this;
    }

    public Scenario Group(string id, string name, bool managed = false)
    {
        Groups.Add(new LmsGroup(id, name));
        if (managed) ManagedGroupIds.Add(id);
        return this;
    }

    /// <summary>An LMS user whose fields agree with <see cref="Sf.Person"/> n; linked when asked.</summary>
    public LmsUser LmsPerson(int n, string lmsId, string? departmentId = null, bool active = true, bool linked = false,
        string[]? groupIds = null, string? email = null, bool isAdmin = false, string? salesforceId = null)
    {
        var mail = email ?? $"user{n}@acme.com";
        var user = new LmsUser(lmsId, mail, mail, active,
            new Dictionary<string, string?> { ["login"] = mail, ["email"] = mail, ["first_name"] = "First" + n, ["last_name"] = "Last" + n },
            departmentId, groupIds, salesforceId, isAdmin);
        LmsUsers.Add(user);
        if (linked) Links.Add(new Link(Sf.Id(n), lmsId, LinkOrigin.Created, DefaultNow.AddDays(-30)));
        return user;
    }

    public PlanInput Input() => new PlanInput(Users, ReadComplete,
        new LmsSnapshot(LmsUsers, Groups, Departments),
        new SyncState(Links, ManagedGroupIds, ManagedGroupNames, CreatedDepartmentIds),
        Mapping, Catalog, Capabilities, new FixedClock(Now), Options, Rules, Scope);

    public Plan Plan() => Planner.Plan(Input());

    public static PlanRow Row(Plan plan, int n) => plan.Rows.Single(r => r.SalesforceId == Sf.Id(n));
}
