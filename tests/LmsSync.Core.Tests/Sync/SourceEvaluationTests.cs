using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// The source side of planning done while Salesforce is read (<see cref="SourceEvaluation"/>) gives the same plan as
/// the planner evaluating every user itself: rows, actions, changes, reasons, organisation changes, summary.
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

    /// <summary>Everything a plan says, as text: two plans are the same when their descriptions are.</summary>
    internal static string Describe(Plan plan)
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
