using System.Collections.Generic;

namespace LmsSync.Core.Rules
{
    /// <summary>One test of a Salesforce field: <c>Field Operator Value</c>. A plain type for JSON profiles.</summary>
    public sealed class RuleCondition
    {
        public RuleCondition() { }

        public RuleCondition(string field, RuleOperator @operator, string? value = null)
        {
            Field = field;
            Operator = @operator;
            Value = value;
        }

        /// <summary>A Salesforce field path (<c>CompanyName</c>, <c>Profile.Name</c>).</summary>
        public string Field { get; set; } = "";

        public RuleOperator Operator { get; set; }

        /// <summary>The value to compare with; unused by IsEmpty/IsNotEmpty. For In/NotIn, a further value next to <see cref="Values"/>.</summary>
        public string? Value { get; set; }

        /// <summary>The values of In and NotIn.</summary>
        public List<string> Values { get; set; } = new List<string>();

        public override string ToString() => Operator == RuleOperator.In || Operator == RuleOperator.NotIn
            ? $"{Field} {Operator} ({string.Join(", ", AllValues())})"
            : $"{Field} {Operator} {Value}".TrimEnd();

        /// <summary>The values In/NotIn test: <see cref="Values"/> plus <see cref="Value"/> when set.</summary>
        public IEnumerable<string> AllValues()
        {
            foreach (var value in Values) yield return value;
            if (Value != null) yield return Value;
        }
    }
}
