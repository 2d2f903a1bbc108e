using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Rules;

public class RuleEvaluatorTests
{
    private static ImportRule Rule(string name, RuleAction action, ConditionJoin join, params RuleCondition[] conditions)
    {
        var rule = new ImportRule { Name = name, Action = action, Join = join };
        rule.Conditions.AddRange(conditions);
        return rule;
    }

    private static readonly RuleCondition CompanyIsSkyPrep = new RuleCondition("CompanyName", RuleOperator.Contains, "SkyPrep");
    private static readonly RuleCondition TitleIsIntern = new RuleCondition("Title", RuleOperator.Equals, "Intern");

    [Theory]
    [InlineData(ConditionJoin.All, "SkyPrep", "Intern", true)]
    [InlineData(ConditionJoin.All, "SkyPrep", "Engineer", false)]
    [InlineData(ConditionJoin.All, "Acme", "Intern", false)]
    [InlineData(ConditionJoin.All, "Acme", "Engineer", false)]
    [InlineData(ConditionJoin.Any, "SkyPrep", "Intern", true)]
    [InlineData(ConditionJoin.Any, "SkyPrep", "Engineer", true)]
    [InlineData(ConditionJoin.Any, "Acme", "Intern", true)]
    [InlineData(ConditionJoin.Any, "Acme", "Engineer", false)]
    [InlineData(ConditionJoin.Any, null, null, false)]
    public void Conditions_combine_by_all_or_any(ConditionJoin join, string? company, string? title, bool skipped)
    {
        var evaluator = new RuleEvaluator(new[] { Rule("r", RuleAction.Skip, join, CompanyIsSkyPrep, TitleIsIntern) });

        var verdict = evaluator.Evaluate(Sf.Record(Sf.Id(1), ("CompanyName", company), ("Title", title)));

        Assert.Equal(skipped ? RuleAction.Skip : RuleAction.Import, verdict.Action);
        Assert.Equal(2, verdict.Rules[0].Conditions.Count);
    }

    [Theory]
    [InlineData("SkyPrep", "Intern", RuleAction.Import, "keep interns")]
    [InlineData("SkyPrep", "Engineer", RuleAction.Skip, "internal")]
    [InlineData("Acme", "Intern", RuleAction.Import, "keep interns")]
    [InlineData("Acme", "Engineer", RuleAction.Import, null)]
    public void The_first_matching_rule_decides_and_no_match_imports(string company, string title, RuleAction action, string? decidingRule)
    {
        var evaluator = new RuleEvaluator(new[]
        {
            Rule("keep interns", RuleAction.Import, ConditionJoin.All, TitleIsIntern),
            Rule("internal", RuleAction.Skip, ConditionJoin.All, CompanyIsSkyPrep),
        });

        var verdict = evaluator.Evaluate(Sf.Record(Sf.Id(1), ("CompanyName", company), ("Title", title)));

        Assert.Equal(action, verdict.Action);
        Assert.Equal(decidingRule, verdict.DecidingRule);
        if (action == RuleAction.Skip) Assert.Equal("skipped by import rule 'internal'", verdict.Reason);
    }

    [Fact]
    public void The_verdict_explains_every_rule_consulted_up_to_the_deciding_one()
    {
        var evaluator = new RuleEvaluator(new[]
        {
            Rule("interns", RuleAction.Skip, ConditionJoin.All, TitleIsIntern),
            Rule("internal", RuleAction.Skip, ConditionJoin.All, CompanyIsSkyPrep),
            Rule("never reached", RuleAction.Skip, ConditionJoin.All, new RuleCondition("Title", RuleOperator.IsNotEmpty)),
        });

        var verdict = evaluator.Evaluate(Sf.Record(Sf.Id(1), ("CompanyName", "SkyPrep"), ("Title", "Engineer")));

        Assert.Equal(2, verdict.Rules.Count);
        Assert.False(verdict.Rules[0].Matched);
        Assert.Equal("Engineer", verdict.Rules[0].Conditions[0].Actual);
        Assert.True(verdict.Rules[1].Matched);
    }

    [Fact]
    public void A_rule_without_conditions_never_matches()
    {
        var verdict = new RuleEvaluator(new[] { new ImportRule { Name = "empty" } }).Evaluate(Sf.Record(Sf.Id(1)));

        Assert.Equal(RuleAction.Import, verdict.Action);
    }

    [Theory]
    [InlineData("Sales", "EMEA", null)]
    [InlineData("sales ", "emea", null)]
    [InlineData("Finance", "EMEA", "department 'Finance' is not among the departments to sync")]
    [InlineData(null, "EMEA", "no department, and only chosen departments sync")]
    [InlineData("Sales", "APAC", "in none of the groups to sync")]
    public void Scope_keeps_only_chosen_departments_and_groups(string? department, string group, string? reason)
    {
        var scope = new ScopeFilter(new ImportScope { IncludedDepartments = { "Sales", "Support" }, IncludedGroups = { "EMEA" } });
        var mapping = new SyncMapping { Department = new DepartmentMapping("Department"), Groups = new GroupMapping("Division") };
        var desired = new Mapper(mapping, LmsSync.Core.Lms.LmsFieldCatalog.ISpring).Map(Sf.Record(Sf.Id(1), ("Department", department), ("Division", group)));

        Assert.Equal(reason, scope.OutOfScopeReason(desired));
        Assert.True(scope.IncludesGroup("emea"));
        Assert.False(scope.IncludesGroup("APAC"));
    }

    [Fact]
    public void An_empty_scope_includes_everyone()
    {
        var scope = new ScopeFilter(new ImportScope());
        var desired = new Mapper(new SyncMapping(), LmsSync.Core.Lms.LmsFieldCatalog.ISpring).Map(Sf.Record(Sf.Id(1)));

        Assert.Null(scope.OutOfScopeReason(desired));
        Assert.True(scope.IncludesGroup("anything"));
        Assert.False(scope.LimitsGroups);
    }
}
