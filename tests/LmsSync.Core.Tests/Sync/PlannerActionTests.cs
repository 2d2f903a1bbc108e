using System;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

public class PlannerActionTests
{
    [Fact]
    public void A_new_user_is_created_with_every_mapped_value_department_groups_and_the_org_changes_they_need()
    {
        var s = new Scenario { Options = { SendWelcomeEmail = true } }.Department("d-sales", "Sales").Group("g-emea", "EMEA");
        s.Users.Add(Sf.Person(1, department: "Sales", division: "EMEA;APAC"));
        s.Users.Add(Sf.Person(2, department: "Marketing", division: "APAC"));

        var plan = s.Plan();

        var row = Scenario.Row(plan, 1);
        Assert.Equal(PlanAction.Create, row.Action);
        Assert.Null(row.LmsId);
        Assert.True(row.CreatesLink);
        Assert.Equal(LinkOrigin.Created, row.LinkOrigin);
        Assert.True(row.SendWelcomeEmail);
        Assert.Equal(new[] { "login", "email", "first_name", "last_name" }, row.Changes.Select(c => c.Field));
        Assert.All(row.Changes, c => Assert.Null(c.Old));
        Assert.Equal("d-sales", row.DepartmentChange!.ToId);
        Assert.Equal(new[] { "EMEA", "APAC" }, row.GroupsToJoin.Select(g => g.Name));
        Assert.Equal(new string?[] { "g-emea", null }, row.GroupsToJoin.Select(g => g.Id));
        Assert.Equal(new[] { "CreateGroup APAC", "CreateDepartment Marketing" }, plan.OrgChanges.Select(o => $"{o.Kind} {o.Name}"));
        Assert.Equal(2, plan.Summary.Create);
        Assert.Equal(1, plan.Summary.DepartmentsToCreate);
    }

    [Fact]
    public void An_update_lists_each_changed_field_old_and_new_and_ignores_case_of_emails_and_whitespace()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", " First1 "), ("LastName", "Smith"), ("Email", "USER1@acme.com"), ("Department", "Sales"), ("IsActive", true)));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Update, row.Action);
        var change = Assert.Single(row.Changes);
        Assert.Equal(("last_name", "Last1", "Smith"), (change.Field, change.Old, change.New));
        Assert.False(row.CreatesLink);
        Assert.Equal(MatchMethod.Link, row.MatchedBy);
    }

    [Fact]
    public void Unmapped_lms_fields_are_left_alone_and_an_unchanged_user_is_no_change()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1));
        var lms = s.LmsPerson(1, "L1", "d-sales", linked: true);
        s.LmsUsers[0] = new LmsUser("L1", lms.Login, lms.Email, true,
            new System.Collections.Generic.Dictionary<string, string?>(lms.Fields) { ["job_title"] = "Hand-written title" }, "d-sales");

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.NoChange, row.Action);
        Assert.Empty(row.Changes);
    }

    [Theory]
    [InlineData(ApplyOn.Create, PlanAction.NoChange)]
    [InlineData(ApplyOn.Always, PlanAction.Update)]
    public void A_default_with_apply_on_create_never_causes_an_update(ApplyOn applyOn, PlanAction expected)
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Mapping.Fields.Add(new FieldMapping("job_title", "Title") { Default = "Staff", ApplyOn = applyOn });
        s.Users.Add(Sf.Person(1));
        s.Users.Add(Sf.Person(2));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var plan = s.Plan();

        Assert.Equal(expected, Scenario.Row(plan, 1).Action);
        Assert.Contains(Scenario.Row(plan, 2).Changes, c => c.Field == "job_title" && c.New == "Staff");
    }

    [Fact]
    public void A_user_matched_by_email_for_the_first_time_records_a_link_even_without_changes()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1));
        s.LmsPerson(1, "L1", "d-sales");

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.NoChange, row.Action);
        Assert.Equal(MatchMethod.Email, row.MatchedBy);
        Assert.True(row.CreatesLink);
        Assert.Equal(LinkOrigin.Matched, row.LinkOrigin);
    }

    [Fact]
    public void A_department_move_names_both_departments()
    {
        var s = new Scenario().Department("d-sales", "Sales").Department("d-sup", "Support");
        s.Users.Add(Sf.Person(1, department: "support"));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Update, row.Action);
        Assert.Equal(("d-sales", "Sales", "d-sup", "Support"), (row.DepartmentChange!.FromId, row.DepartmentChange.FromName, row.DepartmentChange.ToId, row.DepartmentChange.ToName));
    }

    [Fact]
    public void Skipped_by_a_rule_means_neither_created_nor_updated_and_the_reason_names_the_rule()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Rules.Add(new ImportRule { Name = "internal", Conditions = { new RuleCondition("CompanyName", RuleOperator.Contains, "SkyPrep") } });
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", "New"), ("LastName", "Name"), ("Email", "user1@acme.com"), ("Department", "Sales"), ("CompanyName", "SkyPrep Inc")));
        s.Users.Add(Sf.Record(Sf.Id(2), ("FirstName", "Bob"), ("LastName", "B"), ("Email", "bob@acme.com"), ("Department", "Sales"), ("CompanyName", "The SkyPrep Co")));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var plan = s.Plan();

        foreach (var n in new[] { 1, 2 })
        {
            var row = Scenario.Row(plan, n);
            Assert.Equal(PlanAction.Skip, row.Action);
            Assert.Equal("skipped by import rule 'internal'", row.Reason);
            Assert.Empty(row.Changes);
            Assert.Equal("internal", row.Verdict!.DecidingRule);
        }
    }

    [Theory]
    [InlineData(true, PlanAction.Deactivate)]
    [InlineData(false, PlanAction.Skip)]
    public void A_linked_user_now_skipped_by_a_rule_is_deactivated_only_with_deactivate_out_of_scope(bool option, PlanAction expected)
    {
        var s = new Scenario { Options = { DeactivateOutOfScope = option, MaxDeprovision = DeprovisionLimit.Count(5) } }.Department("d-sales", "Sales");
        s.Rules.Add(new ImportRule { Name = "no sales", Conditions = { new RuleCondition("Department", RuleOperator.Equals, "Sales") } });
        s.Users.Add(Sf.Person(1));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(expected, row.Action);
        Assert.Contains("'no sales'", row.Reason);
        if (option) Assert.Equal(DeactivationReason.OutOfScope, row.DeactivationReason);
    }

    [Fact]
    public void A_user_outside_the_chosen_departments_is_skipped()
    {
        var s = new Scenario { Scope = new ImportScope { IncludedDepartments = { "Support" } } }.Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1));

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Skip, row.Action);
        Assert.Equal("department 'Sales' is not among the departments to sync", row.Reason);
    }

    [Fact]
    public void Inactive_in_salesforce_deactivates_a_linked_user_and_skips_one_not_in_the_lms()
    {
        var s = new Scenario { Options = { DeactivateMissingUsers = true, MaxDeprovision = DeprovisionLimit.Count(5) } }.Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, active: false));
        s.Users.Add(Sf.Person(2, active: false));
        s.Users.Add(Sf.Person(3, active: false));
        s.LmsPerson(1, "L1", "d-sales", linked: true);
        s.LmsPerson(3, "L3", "d-sales");

        var plan = s.Plan();

        Assert.Equal((PlanAction.Deactivate, DeactivationReason.Inactive), (Scenario.Row(plan, 1).Action, Scenario.Row(plan, 1).DeactivationReason));
        Assert.Equal((PlanAction.Skip, "inactive in Salesforce"), (Scenario.Row(plan, 2).Action, Scenario.Row(plan, 2).Reason));
        Assert.Equal(PlanAction.Skip, Scenario.Row(plan, 3).Action);
    }

    [Theory]
    [InlineData(true, PlanAction.Reactivate)]
    [InlineData(false, PlanAction.Skip)]
    public void A_deactivated_user_active_again_in_salesforce_is_reactivated_when_asked(bool option, PlanAction expected)
    {
        var s = new Scenario { Options = { ReactivateReturningUsers = option } }.Department("d-sales", "Sales");
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", "First1"), ("LastName", "Married"), ("Email", "user1@acme.com"), ("Department", "Sales"), ("IsActive", true)));
        s.LmsPerson(1, "L1", "d-sales", active: false, linked: true);

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(expected, row.Action);
        if (option) Assert.Equal("Married", Assert.Single(row.Changes).New);
    }

    [Fact]
    public void Termination_deactivates_linked_users_skips_others_and_ignores_future_dates()
    {
        var s = new Scenario { Options = { TerminationDateField = "TerminationDate__c", TimeZone = "Pacific/Auckland" } }.Department("d-sales", "Sales");
        s.Now = new DateTimeOffset(2026, 3, 9, 12, 30, 0, TimeSpan.Zero); // 10 March in Auckland
        s.Users.Add(Sf.Person(1, terminationDate: new DateTime(2026, 3, 10)));
        s.Users.Add(Sf.Person(2, terminationDate: new DateTime(2026, 3, 10)));
        s.Users.Add(Sf.Person(3, terminationDate: new DateTime(2026, 3, 11)));
        s.LmsPerson(1, "L1", "d-sales", linked: true);
        s.LmsPerson(3, "L3", "d-sales", linked: true);
        s.LmsPerson(4, "L4", "d-sales", linked: true);
        s.LmsPerson(5, "L5", "d-sales", linked: true);
        s.LmsPerson(6, "L6", "d-sales", linked: true);
        s.LmsPerson(7, "L7", "d-sales", linked: true);
        s.LmsPerson(8, "L8", "d-sales", linked: true);
        s.LmsPerson(9, "L9", "d-sales", linked: true);
        s.LmsPerson(10, "L10", "d-sales", linked: true);
        s.LmsPerson(11, "L11", "d-sales", linked: true);

        var plan = s.Plan();

        Assert.Equal((PlanAction.Deactivate, DeactivationReason.Terminated), (Scenario.Row(plan, 1).Action, Scenario.Row(plan, 1).DeactivationReason));
        Assert.Contains("terminated on 2026-03-10", Scenario.Row(plan, 1).Reason);
        Assert.Equal(PlanAction.Skip, Scenario.Row(plan, 2).Action);
        Assert.Equal(PlanAction.NoChange, Scenario.Row(plan, 3).Action);
        Assert.False(plan.Blocked);
    }

    [Fact]
    public void A_user_in_no_department_is_skipped_when_the_lms_requires_one()
    {
        var s = new Scenario();
        s.Users.Add(Sf.Person(1, department: "  "));

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Skip, row.Action);
        Assert.Contains("no department", row.Reason);
    }

    [Fact]
    public void Where_departments_are_not_required_a_user_without_one_is_created()
    {
        var s = new Scenario { Mapping = LmsFieldCatalog.DefaultMapping(LmsKind.SkyPrep), Catalog = LmsFieldCatalog.SkyPrep, Capabilities = LmsCapabilities.For(LmsKind.SkyPrep) };
        s.Users.Add(Sf.Person(1, department: null));

        Assert.Equal(PlanAction.Create, Scenario.Row(s.Plan(), 1).Action);
    }

    [Fact]
    public void Two_salesforce_users_claiming_one_lms_user_are_both_disputed_naming_each_other()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, email: "shared@acme.com"));
        s.Users.Add(Sf.Person(2, email: "shared@acme.com"));
        s.LmsPerson(9, "L9", "d-sales", email: "shared@acme.com");

        var plan = s.Plan();

        foreach (var (n, other) in new[] { (1, 2), (2, 1) })
        {
            var row = Scenario.Row(plan, n);
            Assert.Equal(PlanAction.Disputed, row.Action);
            Assert.Contains(row.DisputedCandidates, c => c.Contains("L9"));
            Assert.Contains(row.DisputedCandidates, c => c.Contains(Sf.Id(other)));
        }
        Assert.Equal(2, plan.Summary.Disputed);
    }

    [Fact]
    public void Two_new_users_with_one_email_are_disputed_instead_of_a_failing_create()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, email: "shared@acme.com"));
        s.Users.Add(Sf.Person(2, email: "SHARED@acme.com"));

        var plan = s.Plan();

        Assert.All(plan.Rows, r => Assert.Equal(PlanAction.Disputed, r.Action));
        Assert.Contains("would also belong to", plan.Rows[0].Reason);
        Assert.Empty(plan.OrgChanges);
    }

    [Fact]
    public void Two_lms_users_with_the_users_email_make_a_disputed_row_with_both_named()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1));
        s.LmsPerson(1, "L1", "d-sales");
        s.LmsPerson(1, "L2", "d-sales");

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Disputed, row.Action);
        Assert.Null(row.LmsId);
        Assert.Equal(2, row.DisputedCandidates.Count);
        Assert.Contains("L1", row.Reason);
        Assert.Contains("L2", row.Reason);
    }

    [Fact]
    public void An_ambiguous_department_name_skips_the_user_rather_than_guess()
    {
        var s = new Scenario().Department("d1", "Sales").Department("d2", "sales", parent: "d1");
        s.Users.Add(Sf.Person(1));

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Skip, row.Action);
        Assert.Contains("d1, d2", row.Reason);
    }

    [Fact]
    public void The_salesforce_id_field_is_written_and_matched_on_where_the_lms_has_one()
    {
        var s = new Scenario
        {
            Mapping = LmsFieldCatalog.DefaultMapping(LmsKind.Scim),
            Catalog = LmsFieldCatalog.Scim,
            Capabilities = LmsCapabilities.For(LmsKind.Scim),
        };
        s.Users.Add(Sf.Person(1));
        s.LmsUsers.Add(new LmsUser("L1", "renamed@acme.com", "renamed@acme.com", true, salesforceId: Sf.Id(1)));

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(MatchMethod.SalesforceIdField, row.MatchedBy);
        Assert.Equal(PlanAction.Update, row.Action);
        Assert.DoesNotContain(row.Changes, c => c.Field == "externalId");
        Assert.Contains(row.Changes, c => c.Field == "email" && c.New == "user1@acme.com");
    }

    [Fact]
    public void The_planner_reads_only_the_injected_clock()
    {
        var s = new Scenario { Now = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Equal(s.Now, s.Plan().PlannedAt);
    }

    [Fact]
    public void An_update_that_would_give_two_lms_users_one_email_is_disputed_naming_the_holder()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, email: "taken@acme.com"));
        s.LmsPerson(1, "L1", "d-sales", linked: true);
        s.LmsPerson(50, "hand-made", "d-sales", email: "taken@acme.com");

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.Disputed, row.Action);
        Assert.Contains("LMS hand-made", row.DisputedCandidates);
        Assert.Contains("must be unique", row.Reason);
    }

    [Fact]
    public void An_update_may_take_an_email_another_user_gives_up_in_the_same_plan()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, email: "user2@acme.com"));
        s.Users.Add(Sf.Person(2, email: "new2@acme.com"));
        s.LmsPerson(1, "L1", "d-sales", linked: true);
        s.LmsPerson(2, "L2", "d-sales", linked: true);

        var plan = s.Plan();

        Assert.Equal(PlanAction.Update, Scenario.Row(plan, 1).Action);
        Assert.Equal(PlanAction.Update, Scenario.Row(plan, 2).Action);
    }

    [Fact]
    public void An_inactive_user_is_skipped_not_disputed_whatever_it_would_match()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1, active: false));
        s.LmsPerson(1, "L1", "d-sales");
        s.LmsPerson(1, "L2", "d-sales");

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal((PlanAction.Skip, "inactive in Salesforce"), (row.Action, row.Reason));
    }
}

public class PlannerMandatoryFieldTests
{
    [Fact]
    public void A_new_user_whose_required_LMS_field_would_be_blank_is_skipped_with_the_field_named()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", "  "), ("LastName", "Solo"), ("Email", "solo@acme.com"), ("Department", "Sales"), ("IsActive", true)));
        s.Users.Add(Sf.Person(2, department: "Sales"));

        var plan = s.Plan();

        var row = Scenario.Row(plan, 1);
        Assert.Equal(PlanAction.Skip, row.Action);
        Assert.Contains("first_name", row.Reason);
        Assert.Contains("FirstName", row.Reason);
        Assert.Equal(PlanAction.Create, Scenario.Row(plan, 2).Action);
    }

    [Fact]
    public void An_existing_user_with_a_blank_required_field_in_Salesforce_is_still_synced_and_keeps_the_LMS_value()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Record(Sf.Id(1), ("FirstName", null), ("LastName", "Last1"), ("Email", "user1@acme.com"), ("Department", "Sales"), ("IsActive", true)));
        s.LmsPerson(1, "L1", "d-sales", linked: true);

        var row = Scenario.Row(s.Plan(), 1);

        Assert.Equal(PlanAction.NoChange, row.Action);
    }
}
