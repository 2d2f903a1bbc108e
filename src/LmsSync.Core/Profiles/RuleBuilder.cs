using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Profiles
{
    /// <summary>Builds import-rule conditions from what Add-SfLmsImportRule is given, and edits the rule list.</summary>
    public static class RuleBuilder
    {
        /// <summary>One condition; several values make In/NotIn's list (other operators take one).</summary>
        public static RuleCondition Condition(string field, RuleOperator @operator, IReadOnlyList<string>? values)
        {
            var condition = new RuleCondition { Field = (field ?? "").Trim(), Operator = @operator };
            var list = values ?? new string[0];
            if (@operator == RuleOperator.In || @operator == RuleOperator.NotIn) condition.Values = list.ToList();
            else if (list.Count > 1) throw new ArgumentException($"{@operator} compares with one value; give several values only to In or NotIn.");
            else condition.Value = list.FirstOrDefault();
            return condition;
        }

        /// <summary>A condition from a hashtable <c>@{ Field = 'CompanyName'; Operator = 'Contains'; Value = 'Acme' }</c> (keys case-insensitive).</summary>
        public static RuleCondition Condition(IDictionary entry)
        {
            string? field = null, op = null;
            var values = new List<string>();
            foreach (DictionaryEntry pair in entry)
            {
                var key = Convert.ToString(pair.Key)?.Trim() ?? "";
                if (key.Equals("Field", StringComparison.OrdinalIgnoreCase)) field = Convert.ToString(pair.Value);
                else if (key.Equals("Operator", StringComparison.OrdinalIgnoreCase)) op = Convert.ToString(pair.Value);
                else if (key.Equals("Value", StringComparison.OrdinalIgnoreCase) || key.Equals("Values", StringComparison.OrdinalIgnoreCase))
                {
                    if (pair.Value is IEnumerable many && !(pair.Value is string))
                        foreach (var item in many) values.Add(Convert.ToString(item) ?? "");
                    else if (pair.Value != null) values.Add(Convert.ToString(pair.Value) ?? "");
                }
                else throw new ArgumentException($"A condition has the key '{key}'; use Field, Operator and Value.");
            }
            if (string.IsNullOrWhiteSpace(field)) throw new ArgumentException("A condition has no Field; write @{ Field = 'CompanyName'; Operator = 'Contains'; Value = 'Acme' }.");
            if (!Enum.TryParse<RuleOperator>(op ?? "", ignoreCase: true, out var parsed) || !Enum.IsDefined(typeof(RuleOperator), parsed))
                throw new ArgumentException($"'{op}' is not an operator; use one of {string.Join(", ", Enum.GetNames(typeof(RuleOperator)))}.");
            return Condition(field!, parsed, values);
        }

        /// <summary>Inserts the rule at a 0-based position (rules are consulted in order; null appends).</summary>
        public static void Insert(List<ImportRule> rules, ImportRule rule, int? position)
        {
            var at = position.HasValue ? Math.Max(0, Math.Min(position.Value, rules.Count)) : rules.Count;
            rules.Insert(at, rule);
        }

        /// <summary>Removes the rule with that name (case-insensitive); false when none has it.</summary>
        public static bool Remove(List<ImportRule> rules, string name) =>
            rules.RemoveAll(r => string.Equals(r.Name?.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) > 0;
    }
}
