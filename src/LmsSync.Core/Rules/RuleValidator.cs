using System;
using System.Collections.Generic;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Rules
{
    /// <summary>Checks import rules: names unique, conditions present and well-formed, fields real, regexes valid.</summary>
    internal static class RuleValidator
    {
        public static void Validate(IReadOnlyList<ImportRule> rules, SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var subject = string.IsNullOrWhiteSpace(rule.Name) ? $"rule #{i + 1}" : $"rule '{rule.Name}'";
                if (string.IsNullOrWhiteSpace(rule.Name))
                    problems.Add(new ValidationProblem("UnnamedRule", subject, "The rule has no name; a skipped user's reason names the rule, so give it one."));
                else if (!names.Add(rule.Name.Trim()))
                    problems.Add(new ValidationProblem("DuplicateRule", subject, $"Two rules are named '{rule.Name}'; rename one."));
                if (rule.Conditions.Count == 0)
                    problems.Add(new ValidationProblem("RuleWithoutConditions", subject, "The rule has no conditions, so it never matches; add a condition or remove the rule."));
                foreach (var condition in rule.Conditions)
                    CheckCondition(condition, rule.CaseSensitive, subject, salesforce, problems);
            }
        }

        private static void CheckCondition(RuleCondition condition, bool caseSensitive, string subject, SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            var problem = salesforce.Check(condition.Field, subject);
            if (problem != null) problems.Add(problem);
            switch (condition.Operator)
            {
                case RuleOperator.IsEmpty:
                case RuleOperator.IsNotEmpty:
                    return;
                case RuleOperator.In:
                case RuleOperator.NotIn:
                    foreach (var _ in condition.AllValues()) return;
                    problems.Add(new ValidationProblem("MissingValue", subject, $"'{condition.Field} {condition.Operator}' needs at least one value."));
                    return;
                case RuleOperator.Matches:
                    if (CompiledCondition.TryBuildRegex(condition.Value ?? "", caseSensitive, RuleEvaluator.DefaultRegexTimeout, out var error) == null || condition.Value == null)
                        problems.Add(new ValidationProblem("InvalidRegex", subject,
                            $"'{condition.Value}' is not a valid regular expression ({error ?? "no pattern"}); fix the pattern."));
                    return;
                case RuleOperator.GreaterThan:
                case RuleOperator.LessThan:
                    if (!OrderedValue.Parse(condition.Value).IsOrdered)
                        problems.Add(new ValidationProblem("NotComparable", subject,
                            $"'{condition.Value}' is neither a number nor a date; {condition.Operator} needs one (e.g. 100 or 2026-01-31)."));
                    return;
                default:
                    if (condition.Value == null)
                        problems.Add(new ValidationProblem("MissingValue", subject, $"'{condition.Field} {condition.Operator}' needs a value."));
                    return;
            }
        }
    }
}
