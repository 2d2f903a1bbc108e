using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// The source side of planning done while Salesforce is read (<see cref="SourceEvaluation"/>), with the LMS users
/// indexed while the LMS is read (<see cref="LmsUserIndex"/>), gives the same plan as the planner evaluating and
/// indexing every user itself: rows, actions, changes, reasons, organisation changes, summary.
/// </summary>
public sealed class SourceEvaluationTests
{
    [Fact]
    public void A_plan_made_with_the_evaluation_done_while_reading_is_the_plan_made_without_it()
    {
        var rows = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var s = ConvergenceTests.RandomScenario(random);
            // The same user read twice (a record that moved between pages): only the first record counts, both ways.
            if (s.Users.Count > 0 && random.Next(4) == 0) s.Users.Add(Sf.Record(s.Users[random.Next(s.Users.Count)].SalesforceId, ("Email", "again@acme.com")));

            var without = Planner.Plan(s.Input());
            var input = s.Input();
            var evaluation = new SourceEvaluation(input.Mapping, input.Catalog, input.Capabilities, input.Rules, input.Scope);
            foreach (var user in input.SourceUsers) evaluation.Add(user);
            Assert.True(evaluation.Fits(input));
            // And the LMS users indexed for the matcher as a connector does while reading, page by page.
            var index = new LmsUserIndex();
            foreach (var user in input.Lms.Users) index.Add(user);
            Assert.True(index.Fits(input.Lms.Users));
            input.Lms.WithUserIndex(index);
            var with = Planner.Plan(input.WithEvaluation(evaluation));

            Assert.Equal(Describe(without), Describe(with));
            rows += with.Rows.Count;
        }
        Assert.True(rows > 1000, $"only {rows} rows compared");
    }

    [Fact]
    public void An_evaluation_made_under_other_settings_or_of_other_users_is_not_used()
    {
        var s = ConvergenceTests.RandomScenario(new Random(7));
        for (var n = 1; n <= 5; n++) s.Users.Add(Sf.Person(100 + n));
        var input = s.Input();
        var expected = Describe(Planner.Plan(input));

        // Mapped with nothing but the login: used, it would plan every user without names, department or groups.
        var otherMapping = new SyncMapping { Fields = { new FieldMapping("login", "Email") } };
        var stale = new SourceEvaluation(otherMapping, input.Catalog, input.Capabilities, input.Rules, input.Scope);
        foreach (var user in input.SourceUsers) stale.Add(user);
        Assert.False(stale.Fits(input));
        Assert.Equal(expected, Describe(Planner.Plan(s.Input().WithEvaluation(stale))));

        var partial = new SourceEvaluation(input.Mapping, input.Catalog, input.Capabilities, input.Rules, input.Scope);
        foreach (var user in input.SourceUsers.Skip(1)) partial.Add(user);
        Assert.False(partial.Fits(input));
        Assert.Equal(expected, Describe(Planner.Plan(s.Input().WithEvaluation(partial))));
    }

    [Fact]
    public void An_LMS_user_index_of_other_users_is_not_used()
    {
        var s = ConvergenceTests.RandomScenario(new Random(11));
        for (var n = 1; n <= 5; n++)
        {
            s.Users.Add(Sf.Person(100 + n));
            s.LmsUsers.Add(new LmsUser("lms-" + n, $"user{100 + n}@acme.com", $"user{100 + n}@acme.com", true, departmentId: "root"));
        }
        var expected = Describe(Planner.Plan(s.Input()));
        Assert.Contains("lms-1", expected);

        // Only some of the users: used, the others would look absent and their Salesforce users be created.
        var input = s.Input();
        var partial = new LmsUserIndex();
        partial.Add(input.Lms.Users[0]);
        Assert.False(partial.Fits(input.Lms.Users));
        input.Lms.WithUserIndex(partial);
        Assert.Equal(expected, Describe(Planner.Plan(input)));

        // As many users, but other objects (another read, with other emails): not used either.
        var other = s.Input();
        var copies = LmsUserIndex.Of(other.Lms.Users.Select(u => new LmsUser(u.LmsId, u.Login, "x" + u.Email, u.Active, u.Fields, u.DepartmentId, u.GroupIds)).ToList());
        Assert.False(copies.Fits(other.Lms.Users));
        other.Lms.WithUserIndex(copies);
        Assert.Equal(expected, Describe(Planner.Plan(other)));
    }

    /// <summary>Everything a plan says, as text: two plans are the same when their descriptions are.</summary>
    private static string Describe(Plan plan)
    {
        var lines = plan.Rows.Select(r => string.Join(" | ",
                r.Action, r.Reason, r.DeactivationReason, r.SalesforceId, r.LmsId, r.DisplayName, r.Email, r.MatchedBy, r.CreatesLink, r.SendWelcomeEmail,
                string.Join(",", r.Changes.Select(c => $"{c.Field}:{c.Old}>{c.New}")),
                r.DepartmentChange == null ? "-" : $"{r.DepartmentChange.FromId}/{r.DepartmentChange.FromName}>{r.DepartmentChange.ToId}/{r.DepartmentChange.ToName}",
                string.Join(",", r.GroupsToJoin.Select(g => g.Id + "/" + g.Name)), string.Join(",", r.GroupsToLeave.Select(g => g.Id + "/" + g.Name)),
                string.Join(",", r.DisputedCandidates),
                r.Verdict == null ? "-" : $"{r.Verdict.Action}/{r.Verdict.DecidingRule}/{r.Verdict.Reason}",
                r.Desired == null ? "-" : string.Join(",", r.Desired.Fields.Select(f => $"{f.Key}={f.Value.Value}"))))
            .Concat(plan.OrgChanges.Select(c => $"{c.Kind} {c.Id} {c.Name} {c.ParentId} {c.Reason}"))
            .Concat(plan.StaleLinks.Select(l => $"stale {l.SalesforceId} {l.LmsId}"))
            .Concat(new[] { "managed " + string.Join(",", plan.ManagedGroupNames.OrderBy(n => n, StringComparer.Ordinal)), JsonConvert.SerializeObject(plan.Summary) });
        return string.Join("\n", lines);
    }
}
