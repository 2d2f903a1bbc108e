using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;
using Xunit.Abstractions;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// Property: for random inputs, applying the plan and planning again converges — the second plan writes
/// nothing (only NoChange, Skip and Disputed rows), records no link, changes no organisation, finds no
/// new dispute, and leaves the managed-group set as the first plan left it.
/// </summary>
public class ConvergenceTests
{
    private readonly ITestOutputHelper _output;

    public ConvergenceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Applying_a_plan_and_planning_again_changes_nothing()
    {
        var checkedRows = 0;
        for (var seed = 1; seed <= 600; seed++)
        {
            var s = RandomScenario(new Random(seed));
            var first = s.Plan();
            var simulator = new ApplySimulator(s.Catalog, s.Capabilities);
            var (lms, state) = simulator.Apply(first, new LmsSnapshot(s.LmsUsers, s.Groups, s.Departments), s.Input().State, s.Now, "root");
            var second = Planner.Plan(new PlanInput(s.Users, s.ReadComplete, lms, state, s.Mapping, s.Catalog, s.Capabilities,
                new FixedClock(s.Now.AddMinutes(5)), s.Options, s.Rules, s.Scope));

            var firstDisputes = new HashSet<string?>(first.Rows.Where(r => r.Action == PlanAction.Disputed).Select(r => r.SalesforceId));
            var bad = second.Rows.Where(r =>
                    r.WritesToLms || r.CreatesLink || r.Changes.Count > 0 || r.DepartmentChange != null || r.GroupsToJoin.Count > 0 || r.GroupsToLeave.Count > 0
                    || (r.Action == PlanAction.Disputed && !firstDisputes.Contains(r.SalesforceId)))
                .ToList();
            if (bad.Count > 0 || second.OrgChanges.Count > 0 || second.StaleLinks.Count > 0)
            {
                _output.WriteLine($"seed {seed} did not converge:");
                foreach (var row in bad) _output.WriteLine($"  {row} changes=[{string.Join("; ", row.Changes)}] dept={row.DepartmentChange} join=[{string.Join(",", row.GroupsToJoin)}] leave=[{string.Join(",", row.GroupsToLeave)}] link={row.CreatesLink}");
                foreach (var change in second.OrgChanges) _output.WriteLine($"  {change}");
                foreach (var row in first.Rows) _output.WriteLine($"  first: {row} matched={row.MatchedBy}");
            }
            Assert.Empty(bad);
            Assert.Empty(second.OrgChanges);
            Assert.Empty(second.StaleLinks);
            Assert.Equal(first.ManagedGroupNames.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), second.ManagedGroupNames.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
            checkedRows += first.Rows.Count(r => r.WritesToLms);
        }
        Assert.True(checkedRows > 1000, $"the generator should produce plenty of writes, produced {checkedRows}");
    }

    private static readonly string[] DepartmentNames = { "Sales", "Support", "Engineering", "Finance", "Ops" };
    private static readonly string[] GroupNames = { "EMEA", "APAC", "Americas", "Leaders", "New hires" };

    internal static Scenario RandomScenario(Random random)
    {
        var kind = (LmsKind)random.Next(3);
        var s = new Scenario
        {
            Catalog = LmsFieldCatalog.For(kind),
            Capabilities = LmsCapabilities.For(kind),
            Mapping = MappingFor(kind, random),
            ReadComplete = random.Next(5) > 0,
            Now = Scenario.DefaultNow.AddHours(random.Next(-48, 48)),
            Options = new SyncOptions
            {
                TerminationDateField = random.Next(2) == 0 ? "TerminationDate__c" : null,
                TimeZone = random.Next(2) == 0 ? "Pacific/Auckland" : "America/Los_Angeles",
                SendWelcomeEmail = random.Next(2) == 0,
                RemoveFromStaleGroups = random.Next(3) > 0,
                DeactivateMissingUsers = random.Next(2) == 0,
                DeactivateOutOfScope = random.Next(2) == 0,
                ReactivateReturningUsers = random.Next(2) == 0,
                DeleteEmptyDepartments = random.Next(3) > 0,
                MaxDeprovision = DeprovisionLimit.Percent(random.Next(0, 101)),
            },
        };
        if (random.Next(3) == 0) s.Rules.Add(new ImportRule { Name = "external", Conditions = { new RuleCondition("CompanyName", RuleOperator.Contains, "ext") } });
        if (random.Next(5) == 0) s.Scope = new ImportScope { IncludedDepartments = { Pick(random, DepartmentNames), Pick(random, DepartmentNames) } };
        if (random.Next(6) == 0) s.Scope = new ImportScope { IncludedGroups = { Pick(random, GroupNames) } };

        var departmentIds = new List<string>();
        foreach (var name in DepartmentNames)
        {
            if (random.Next(3) == 0) continue;
            var id = "d-" + name;
            s.Department(id, random.Next(8) == 0 ? name.ToUpperInvariant() : name);
            departmentIds.Add(id);
            if (random.Next(3) == 0) s.CreatedDepartmentIds.Add(id);
        }
        if (random.Next(10) == 0) { s.Department("d-dup", DepartmentNames[0]); departmentIds.Add("d-dup"); }
        var groupIds = new List<string>();
        foreach (var name in GroupNames)
        {
            if (random.Next(3) == 0) continue;
            s.Group("g-" + name, name, managed: random.Next(3) == 0);
            groupIds.Add("g-" + name);
        }
        s.Group("g-hand", "Hand-made club");
        groupIds.Add("g-hand");
        if (random.Next(4) == 0) s.ManagedGroupNames.Add(Pick(random, GroupNames));

        var people = random.Next(0, 40);
        for (var n = 1; n <= people; n++)
        {
            var email = random.Next(15) == 0 ? "shared@acme.com" : $"u{n}@acme.com";
            if (random.Next(10) > 0)
                s.Users.Add(Sf.Record(Sf.Id(n),
                    ("FirstName", random.Next(10) == 0 ? "  Spaced " : "First" + n),
                    ("LastName", random.Next(10) == 0 ? null : "Last" + n),
                    ("Name", $"First{n} Last{n}"),
                    ("Email", random.Next(8) == 0 ? email.ToUpperInvariant() : email),
                    ("Title", random.Next(3) == 0 ? null : "Title" + random.Next(3)),
                    ("Department", random.Next(8) == 0 ? null : Pick(random, DepartmentNames)),
                    ("Division", string.Join(";", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, GroupNames)))),
                    ("CompanyName", random.Next(6) == 0 ? "Ext Partners" : "Acme"),
                    ("IsActive", random.Next(8) > 0),
                    ("TerminationDate__c", random.Next(6) == 0 ? Scenario.DefaultNow.UtcDateTime.Date.AddDays(random.Next(-2, 3)) : null)));

            if (random.Next(3) == 0) continue;
            var lmsEmail = random.Next(4) == 0 ? $"old{n}@acme.com" : email;
            var fields = new Dictionary<string, string?>
            {
                ["login"] = lmsEmail, ["email"] = lmsEmail, ["userName"] = lmsEmail,
                ["first_name"] = "First" + n, ["last_name"] = random.Next(3) == 0 ? "Other" : "Last" + n,
                ["name.givenName"] = "First" + n, ["name.familyName"] = "Last" + n, ["title"] = "Hand title",
            };
            var sfIdField = kind == LmsKind.Scim && random.Next(2) == 0 ? Sf.Id(n) : null;
            if (sfIdField != null) fields["externalId"] = sfIdField;
            var lmsId = "L" + n;
            s.LmsUsers.Add(new LmsUser(lmsId, lmsEmail, lmsEmail, random.Next(5) > 0, fields,
                departmentIds.Count > 0 && random.Next(4) > 0 ? Pick(random, departmentIds) : null,
                groupIds.Where(_ => random.Next(3) == 0).ToList(), sfIdField, isAdmin: random.Next(25) == 0));
            if (random.Next(2) == 0) s.Links.Add(new Link(Sf.Id(n), lmsId, LinkOrigin.Created, Scenario.DefaultNow.AddDays(-3)));
        }
        for (var h = 0; h < random.Next(0, 4); h++)
            s.LmsUsers.Add(new LmsUser("H" + h, $"hand{h}@acme.com", $"hand{h}@acme.com", true, null,
                departmentIds.Count > 0 ? Pick(random, departmentIds) : null, new[] { "g-hand" }));
        if (random.Next(5) == 0) s.Links.Add(new Link(Sf.Id(999), "deleted", LinkOrigin.Created, Scenario.DefaultNow));
        return s;
    }

    private static SyncMapping MappingFor(LmsKind kind, Random random)
    {
        var mapping = LmsFieldCatalog.DefaultMapping(kind);
        var titleField = kind == LmsKind.ISpring ? "job_title" : "title";
        mapping.Fields.RemoveAll(f => f.LmsField == titleField);
        mapping.Fields.Add(new FieldMapping(titleField, "Title") { Default = random.Next(2) == 0 ? "Staff" : null, ApplyOn = random.Next(2) == 0 ? ApplyOn.Always : ApplyOn.Create, ClearWhenBlank = random.Next(4) == 0 });
        if (kind != LmsKind.Scim) mapping.Groups = new GroupMapping("Division") { Default = random.Next(3) == 0 ? "New hires" : null, ApplyOn = random.Next(2) == 0 ? ApplyOn.Always : ApplyOn.Create };
        if (kind == LmsKind.ISpring && random.Next(4) == 0) mapping.Department!.Default = "Unassigned";
        return mapping;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
