using System.Linq;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Sync;
using LmsSync.Core.Views;

namespace LmsSync.Core.Tests.Views;

/// <summary>What Get-SfLmsUser and Get-SfLmsPayload show, built from real plans.</summary>
public class ViewTests
{
    [Fact]
    public void A_user_preview_shows_who_the_action_the_department_and_the_changes()
    {
        var s = new Scenario().Department("d-sales", "Sales").Department("d-support", "Support");
        s.Users.Add(Sf.Person(1, department: "Support"));
        s.LmsPerson(1, "42", departmentId: "d-sales", linked: true);
        var user = UserPreview.From(Scenario.Row(s.Plan(), 1));

        Assert.Equal((Sf.Id(1), "First1 Last1", "user1@acme.com", "Support"), (user.SalesforceId, user.Name, user.Email, user.Department));
        Assert.Equal(PlanAction.Update, user.Action);
        Assert.Equal(MatchMethod.Link, user.MatchedBy);
        Assert.Equal("42", user.LmsId);
        Assert.Equal("Sales → Support", user.DepartmentChange);
        Assert.Contains("department: Sales → Support", user.ChangeText);
    }

    [Fact]
    public void A_skipped_user_carries_the_rule_as_reason_and_the_payload_shows_each_rule_and_condition()
    {
        var s = new Scenario();
        s.Rules.Add(new ImportRule { Name = "internal", Conditions = { new RuleCondition("Department", RuleOperator.Equals, "Sales") } });
        s.Users.Add(Sf.Person(1, department: "Sales"));
        var row = Scenario.Row(s.Plan(), 1);

        var payload = UserPayload.From(row, null, new PayloadPreview[0], s.Mapping);

        Assert.Equal(PlanAction.Skip, payload.Action);
        Assert.Contains("internal", UserPreview.From(row).Reason);
        var rule = Assert.Single(payload.Rules);
        Assert.Equal("internal", rule.Rule);
        Assert.True(rule.Matched);
        Assert.Contains("Sales", Assert.Single(rule.Conditions));
        Assert.NotNull(payload.RuleDecision);
        Assert.Empty(payload.Requests);
        Assert.Null(payload.Body);
        Assert.Equal("First1 Last1", payload.SalesforceRecord["Name"]);
    }

    [Fact]
    public void Payload_values_say_whether_the_primary_the_secondary_or_the_default_fed_them()
    {
        var s = new Scenario();
        s.Mapping.Fields.Add(new FieldMapping("job_title", "Title", "Department"));
        s.Mapping.Fields.Add(new FieldMapping("phone", "Phone") { Default = "n/a" });
        s.Users.Add(Sf.Person(1, department: "Sales"));
        var row = Scenario.Row(s.Plan(), 1);
        var requests = new[] { new PayloadPreview("POST", "/user", "{\"email\":\"user1@acme.com\"}", "application/json") };

        var payload = UserPayload.From(row, null, requests, s.Mapping);

        var email = payload.Values.Single(v => v.LmsField == "email");
        Assert.Equal((PayloadValueSource.Primary, "Email", "user1@acme.com"), (email.Source, email.SalesforceField, email.Value));
        var title = payload.Values.Single(v => v.LmsField == "job_title");
        Assert.Equal((PayloadValueSource.Secondary, "Department", "Sales"), (title.Source, title.SalesforceField, title.Value));
        var phone = payload.Values.Single(v => v.LmsField == "phone");
        Assert.Equal((PayloadValueSource.Default, "n/a", ApplyOn.Create), (phone.Source, phone.Value, phone.ApplyOn));
        Assert.Equal(PayloadValueSource.Primary, payload.Values.Single(v => v.LmsField == "department").Source);
        Assert.Equal(PlanAction.Create, payload.Action);
        Assert.StartsWith("No LMS user matched", payload.Match);
        Assert.Equal("POST /user\n{\"email\":\"user1@acme.com\"}", payload.Body);
    }

    [Fact]
    public void A_matched_user_names_the_match_method_and_the_LMS_id()
    {
        var s = new Scenario().Department("d-sales", "Sales");
        s.Users.Add(Sf.Person(1));
        s.LmsPerson(1, "77", departmentId: "d-sales");
        var payload = UserPayload.From(Scenario.Row(s.Plan(), 1), null, new PayloadPreview[0], s.Mapping);

        Assert.Equal(MatchMethod.Email, payload.MatchedBy);
        Assert.StartsWith("LMS user 77 by email", payload.Match);
    }

    [Fact]
    public void Changes_read_as_one_line_with_old_and_new_values()
    {
        var text = ChangeSummary.Describe(new[] { new FieldChange("title", "Rep", "Lead"), new FieldChange("email", null, "a@b.c") }, null, new[] { "EMEA" }, new string[0]);
        Assert.Equal("title: 'Rep' → 'Lead'; email: (none) → 'a@b.c'; +groups: EMEA", text);
    }
}
