using System;
using System.Collections.Generic;
using LmsSync.Core.Rules;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Rules;

/// <summary>Every operator against a value it holds for, one it does not, a blank field and case.</summary>
public class OperatorTests
{
    private static bool Holds(RuleOperator op, object? actual, string? value, bool caseSensitive = false, params string[] values)
    {
        var condition = new RuleCondition("Field", op, value);
        condition.Values.AddRange(values);
        var rule = new ImportRule { Name = "r", CaseSensitive = caseSensitive, Conditions = { condition } };
        var verdict = new RuleEvaluator(new[] { rule }).Evaluate(Sf.Record(Sf.Id(1), ("Field", actual)));
        return verdict.DecidingRule == "r";
    }

    public static IEnumerable<object?[]> Table() => new[]
    {
        // operator, field value, rule value, expected (case-insensitive), expected (case-sensitive)
        new object?[] { RuleOperator.Equals, "SkyPrep", "skyprep", true, false },
        new object?[] { RuleOperator.Equals, " SkyPrep ", "SkyPrep", true, true },
        new object?[] { RuleOperator.Equals, "SkyPrep Inc", "SkyPrep", false, false },
        new object?[] { RuleOperator.Equals, null, "SkyPrep", false, false },
        new object?[] { RuleOperator.NotEquals, "Acme", "SkyPrep", true, true },
        new object?[] { RuleOperator.NotEquals, "skyprep", "SkyPrep", false, true },
        new object?[] { RuleOperator.NotEquals, null, "SkyPrep", false, false },
        new object?[] { RuleOperator.NotEquals, "   ", "SkyPrep", false, false },
        new object?[] { RuleOperator.Contains, "The SkyPrep Co", "skyprep", true, false },
        new object?[] { RuleOperator.Contains, "Acme", "skyprep", false, false },
        new object?[] { RuleOperator.Contains, "", "skyprep", false, false },
        new object?[] { RuleOperator.NotContains, "Acme", "skyprep", true, true },
        new object?[] { RuleOperator.NotContains, "The SKYPREP Co", "skyprep", false, true },
        new object?[] { RuleOperator.NotContains, null, "skyprep", false, false },
        new object?[] { RuleOperator.StartsWith, "Contractor - Bob", "contractor", true, false },
        new object?[] { RuleOperator.StartsWith, "Bob Contractor", "contractor", false, false },
        new object?[] { RuleOperator.StartsWith, null, "contractor", false, false },
        new object?[] { RuleOperator.EndsWith, "bob@partner.com", "@PARTNER.com", true, false },
        new object?[] { RuleOperator.EndsWith, "bob@acme.com", "@partner.com", false, false },
        new object?[] { RuleOperator.EndsWith, null, "@partner.com", false, false },
        new object?[] { RuleOperator.IsEmpty, null, null, true, true },
        new object?[] { RuleOperator.IsEmpty, "", null, true, true },
        new object?[] { RuleOperator.IsEmpty, " \t", null, true, true },
        new object?[] { RuleOperator.IsEmpty, "x", null, false, false },
        new object?[] { RuleOperator.IsNotEmpty, "x", null, true, true },
        new object?[] { RuleOperator.IsNotEmpty, "  ", null, false, false },
        new object?[] { RuleOperator.IsNotEmpty, null, null, false, false },
        new object?[] { RuleOperator.Matches, "EMP-1234", "^emp-\\d+$", true, false },
        new object?[] { RuleOperator.Matches, "EMP-12x4", "^EMP-\\d+$", false, false },
        new object?[] { RuleOperator.Matches, null, ".*", false, false },
        new object?[] { RuleOperator.GreaterThan, 150m, "100", true, true },
        new object?[] { RuleOperator.GreaterThan, 100m, "100", false, false },
        new object?[] { RuleOperator.GreaterThan, "99.5", "100", false, false },
        new object?[] { RuleOperator.GreaterThan, "abc", "100", false, false },
        new object?[] { RuleOperator.GreaterThan, null, "100", false, false },
        new object?[] { RuleOperator.LessThan, "99.5", "100", true, true },
        new object?[] { RuleOperator.LessThan, 100m, "100", false, false },
        new object?[] { RuleOperator.LessThan, null, "100", false, false },
        new object?[] { RuleOperator.GreaterThan, new DateTime(2026, 2, 1), "2026-01-31", true, true },
        new object?[] { RuleOperator.LessThan, new DateTime(2026, 1, 31), "2026-01-31", false, false },
        new object?[] { RuleOperator.LessThan, new DateTimeOffset(2026, 1, 30, 23, 0, 0, TimeSpan.Zero), "2026-01-31", true, true },
        new object?[] { RuleOperator.GreaterThan, "2026-03-01T10:00:00Z", "2026-03-01", true, true },
        new object?[] { RuleOperator.GreaterThan, new DateTime(2026, 2, 1), "100", false, false },
        new object?[] { RuleOperator.GreaterThan, 5m, "not a number", false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Operator_semantics(RuleOperator op, object? actual, string? value, bool expected, bool expectedCaseSensitive)
    {
        Assert.Equal(expected, Holds(op, actual, value));
        Assert.Equal(expectedCaseSensitive, Holds(op, actual, value, caseSensitive: true));
    }

    [Theory]
    [InlineData(RuleOperator.In, "sales", true, false)]
    [InlineData(RuleOperator.In, " Support ", true, true)]
    [InlineData(RuleOperator.In, "Finance", false, false)]
    [InlineData(RuleOperator.In, null, false, false)]
    [InlineData(RuleOperator.NotIn, "Finance", true, true)]
    [InlineData(RuleOperator.NotIn, "sales", false, true)]
    [InlineData(RuleOperator.NotIn, "", false, false)]
    public void In_and_not_in_test_the_values_and_the_single_value(RuleOperator op, string? actual, bool expected, bool expectedCaseSensitive)
    {
        Assert.Equal(expected, Holds(op, actual, "Support", false, "Sales", "Marketing"));
        Assert.Equal(expectedCaseSensitive, Holds(op, actual, "Support", true, "Sales", "Marketing"));
    }

    [Fact]
    public void Booleans_compare_as_text()
    {
        Assert.True(Holds(RuleOperator.Equals, false, "FALSE"));
        Assert.False(Holds(RuleOperator.Equals, true, "false"));
    }

    [Fact]
    public void A_runaway_regex_stops_at_its_time_limit_and_counts_as_false()
    {
        var rule = new ImportRule { Name = "evil", Conditions = { new RuleCondition("Field", RuleOperator.Matches, "^(a+)+$") } };
        var evaluator = new RuleEvaluator(new[] { rule }, TimeSpan.FromMilliseconds(20));

        var started = DateTime.UtcNow;
        var verdict = evaluator.Evaluate(Sf.Record(Sf.Id(1), ("Field", new string('a', 40) + "!")));

        Assert.Null(verdict.DecidingRule);
        Assert.Contains("timed out", verdict.Rules[0].Conditions[0].Note);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_blank_field_explains_why_the_condition_is_false()
    {
        var rule = new ImportRule { Name = "r", Conditions = { new RuleCondition("CompanyName", RuleOperator.NotEquals, "Acme") } };

        var outcome = new RuleEvaluator(new[] { rule }).Evaluate(Sf.Record(Sf.Id(1))).Rules[0].Conditions[0];

        Assert.False(outcome.Result);
        Assert.Null(outcome.Actual);
        Assert.Contains("only IsEmpty", outcome.Note);
    }
}
