using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>The rules that protect people, groups and departments that are not the integration's.</summary>
public class PlannerProtectionTests
{
    private static Scenario Deprovisioning() => new Scenario
    {
        Options = { DeactivateMissingUsers = true, DeactivateOutOfScope = true, RemoveFromStaleGroups = true, DeleteEmptyDepartments = true, MaxDeprovision = DeprovisionLimit.Percent(100) },
    }.Department("d-sales", "Sales");

    [Fact]
    public void Hand_made_lms_users_are_never_touched_even_with_every_deprovisioning_switch_on()
    {
        var s = Deprovisioning();
        s.LmsPerson(50, "hand-made", "d-sales");
        s.LmsPerson(51, "hand-made-inactive", "d-sales", active: false);

        var plan = s.Plan();

        Assert.Empty(plan.Rows);
        Assert.Equal(0, plan.Summary.Deactivate);
    }

    [Fact]
    public void Lms_administrators_are_never_changed_even_when_matched_or_linked()
    {
        var s = Deprovisioning();
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", "Changed"), ("LastName", "Name"), ("Email", "user1@acme.com"), ("Department", "Sales")));
        s.LmsPerson(1, "admin-1", "d-sales", isAdmin: true);
        s.LmsPerson(2, "admin-2", "d-sales", isAdmin: true, linked: true);

        var plan = s.Plan();

        Assert.Equal(PlanAction.Skip, Scenario.Row(plan, 1).Action);
        Assert.Contains("administrator", Scenario.Row(plan, 1).Reason);
        Assert.Equal(PlanAction.Skip, Scenario.Row(plan, 2).Action);
        Assert.DoesNotContain(plan.Rows, r => r.WritesToLms);
    }

    [Theory]
    [InlineData(true, true, PlanAction.Deactivate)]
    [InlineData(true, false, PlanAction.Skip)]
    [InlineData(false, true, PlanAction.Skip)]
    public void A_linked_user_gone_from_salesforce_is_deactivated_only_when_asked_and_only_after_a_complete_read(
        bool deactivateMissing, bool readComplete, PlanAction expected)
    {
        var s = Deprovisioning();
        s.Options.DeactivateMissingUsers = deactivateMissing;
        s.ReadComplete = readComplete;
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var plan = s.Plan();

        var row = Scenario.Row(plan, 1);
        Assert.Equal(expected, row.Action);
        Assert.Equal("L1", row.LmsId);
        if (expected == PlanAction.Deactivate) Assert.Equal(DeactivationReason.NotInSalesforce, row.DeactivationReason);
        if (!readComplete)
        {
            Assert.Contains("incomplete", row.Reason);
            Assert.Contains(plan.Summary.Notes, n => n.Contains("incomplete"));
        }
    }

    [Fact]
    public void A_partial_read_deactivates_nobody_as_not_in_salesforce_but_still_acts_on_what_it_read()
    {
        var s = Deprovisioning();
        s.ReadComplete = false;
        s.Users.Add(Sf.Person(1, active: false));
        s.LmsPerson(1, "L1", "d-sales", linked: true);
        for (var n = 2; n <= 20; n++) s.LmsPerson(n, "L" + n, "d-sales", linked: true);

        var plan = s.Plan();

        Assert.Equal(DeactivationReason.Inactive, Scenario.Row(plan, 1).DeactivationReason);
        Assert.DoesNotContain(plan.Rows, r => r.DeactivationReason == DeactivationReason.NotInSalesforce);
        Assert.Equal(1, plan.Summary.Deactivate);
        Assert.False(plan.Summary.SalesforceReadComplete);
    }

    [Fact]
    public void Hand_made_groups_keep_their_members_and_managed_groups_lose_stale_ones()
    {
        var s = Deprovisioning().Group("g-book", "Book club").Group("g-emea", "EMEA", managed: true).Group("g-apac", "APAC").Group("g-named", "Old team");
        s.ManagedGroupNames.Add("old TEAM");
        s.Users.Add(Sf.Person(1, division: "APAC"));
        s.LmsPerson(1, "L1", "d-sales", linked: true, groupIds: new[] { "g-book", "g-emea", "g-named" });

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(new[] { "APAC" }, row.GroupsToJoin.Select(g => g.Name));
        Assert.Equal(new[] { "EMEA", "Old team" }, row.GroupsToLeave.Select(g => g.Name));
    }

    [Fact]
    public void A_group_the_mapping_produces_this_run_counts_as_managed()
    {
        var s = Deprovisioning().Group("g-apac", "APAC").Group("g-emea", "EMEA");
        s.Users.Add(Sf.Person(1, division: "APAC"));
        s.Users.Add(Sf.Person(2, division: "EMEA"));
        s.LmsPerson(1, "L1", "d-sales", linked: true, groupIds: new[] { "g-apac" });
        s.LmsPerson(2, "L2", "d-sales", linked: true, groupIds: new[] { "g-apac", "g-emea" });

        var plan = s.Plan();

        Assert.Equal(PlanAction.NoChange, Scenario.Row(plan, 1).Action);
        Assert.Equal(new[] { "APAC" }, Scenario.Row(plan, 2).GroupsToLeave.Select(g => g.Name));
        Assert.Contains("APAC", plan.ManagedGroupNames);
    }

    [Fact]
    public void Without_remove_from_stale_groups_nobody_leaves_a_group()
    {
        var s = Deprovisioning().Group("g-emea", "EMEA", managed: true);
        s.Options.RemoveFromStaleGroups = false;
        s.Users.Add(Sf.Person(1, division: null));
        s.LmsPerson(1, "L1", "d-sales", linked: true, groupIds: new[] { "g-emea" });

        Assert.Empty(Scenario.Row(s.Plan(), 1).GroupsToLeave);
    }

    [Fact]
    public void Only_empty_departments_the_integration_created_are_deleted()
    {
        var s = Deprovisioning()
            .Department("d-hand", "Hand-made, empty")
            .Department("d-ours-empty", "Ours, empty")
            .Department("d-ours-used", "Ours, used")
            .Department("d-ours-emptied", "Ours, emptied by this run")
            .Department("d-ours-parent", "Ours, parent of another")
            .Department("d-child", "Child", parent: "d-ours-parent")
            .Department("d-ours-inactive", "Ours, only a deactivated user");
        s.CreatedDepartmentIds.AddRange(new[] { "d-ours-empty", "d-ours-used", "d-ours-emptied", "d-ours-parent", "d-ours-inactive" });
        s.Users.Add(Sf.Person(1, department: "Sales"));
        s.LmsPerson(1, "L1", "d-ours-emptied", linked: true);
        s.LmsPerson(2, "L2", "d-ours-used");
        s.LmsPerson(3, "L3", "d-ours-inactive", active: false);

        var plan = s.Plan();

        Assert.Equal(new[] { "d-ours-empty", "d-ours-emptied" },
            plan.OrgChanges.Where(o => o.Kind == OrgChangeKind.DeleteDepartment).Select(o => o.Id));
    }

    [Fact]
    public void Without_delete_empty_departments_none_is_deleted()
    {
        var s = Deprovisioning().Department("d-ours-empty", "Ours, empty");
        s.Options.DeleteEmptyDepartments = false;
        s.CreatedDepartmentIds.Add("d-ours-empty");

        Assert.Empty(s.Plan().OrgChanges);
    }

    [Theory]
    [InlineData("3", 3, false)]
    [InlineData("2", 3, true)]
    [InlineData("30%", 3, false)]   // 30% of 10 managed = 3
    [InlineData("20%", 3, true)]    // 20% of 10 managed = 2
    [InlineData("0", 1, true)]
    public void A_plan_over_max_deprovision_is_blocked_with_the_numbers_and_how_to_proceed(string limit, int leaving, bool blocked)
    {
        var s = Deprovisioning();
        s.Options.MaxDeprovision = DeprovisionLimit.Parse(limit);
        for (var n = 1; n <= 10; n++)
        {
            s.LmsPerson(n, "L" + n, "d-sales", linked: true);
            if (n > leaving) s.Users.Add(Sf.Person(n));
        }

        var plan = s.Plan();

        Assert.Equal(leaving, plan.Summary.Deactivate);
        Assert.Equal(10, plan.Summary.ManagedUsers);
        Assert.Equal(blocked, plan.Blocked);
        if (blocked)
        {
            Assert.Contains($"deactivate {leaving} users", plan.Summary.BlockedMessage);
            Assert.Contains("-Force or raise MaxDeprovision", plan.Summary.BlockedMessage);
            Assert.Contains(limit, plan.Summary.BlockedMessage);
        }
        else Assert.Null(plan.Summary.BlockedMessage);
    }

    [Fact]
    public void Stale_links_are_reported_for_dropping_not_acted_on()
    {
        var s = Deprovisioning();
        s.Links.Add(new Link(Sf.Id(1), "deleted-by-hand", LinkOrigin.Created, Scenario.DefaultNow));

        var plan = s.Plan();

        Assert.Empty(plan.Rows);
        Assert.Single(plan.StaleLinks);
    }
}
