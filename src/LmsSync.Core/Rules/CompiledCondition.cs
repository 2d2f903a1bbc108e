using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Rules
{
    /// <summary>A condition prepared once per run: regex built, In-set hashed, operand parsed.</summary>
    internal sealed class CompiledCondition
    {
        private readonly StringComparison _comparison;
        private readonly string _value;
        private readonly HashSet<string>? _set;
        private readonly Regex? _regex;
        private readonly string? _regexError;
        private readonly OrderedValue _operand;
        private readonly RecordField _field;

        public CompiledCondition(RuleCondition condition, bool caseSensitive, TimeSpan regexTimeout)
        {
            Condition = condition;
            _field = new RecordField(condition.Field);
            _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            _value = (condition.Value ?? "").Trim();
            switch (condition.Operator)
            {
                case RuleOperator.In:
                case RuleOperator.NotIn:
                    _set = new HashSet<string>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
                    foreach (var value in condition.AllValues())
                        if (value != null) _set.Add(value.Trim());
                    break;
                case RuleOperator.Matches:
                    _regex = TryBuildRegex(condition.Value ?? "", caseSensitive, regexTimeout, out _regexError);
                    break;
                case RuleOperator.GreaterThan:
                case RuleOperator.LessThan:
                    _operand = OrderedValue.Parse(condition.Value);
                    break;
            }
        }

        public RuleCondition Condition { get; }

        /// <summary>The result alone, allocating nothing.</summary>
        public bool Holds(SalesforceRecord record)
        {
            var raw = record[_field];
            var text = raw as string ?? SalesforceValue.ToText(raw);
            var blank = string.IsNullOrWhiteSpace(text);
            if (Condition.Operator == RuleOperator.IsEmpty) return blank;
            if (blank) return false;
            string? note = null;
            return Test(Trim(text!), raw, ref note);
        }

        private static string Trim(string text) =>
            text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1])) ? text.Trim() : text;

        public ConditionOutcome Evaluate(SalesforceRecord record)
        {
            var raw = record[_field];
            var text = SalesforceValue.ToText(raw);
            var blank = string.IsNullOrWhiteSpace(text);
            var actual = blank ? null : text!.Trim();
            if (Condition.Operator == RuleOperator.IsEmpty) return new ConditionOutcome(Condition, actual, blank, null);
            if (blank) return new ConditionOutcome(Condition, null, false, "blank field: only IsEmpty is true");
            string? note = null;
            var result = Test(actual!, raw, ref note);
            return new ConditionOutcome(Condition, actual, result, note);
        }

        private bool Test(string actual, object? raw, ref string? note)
        {
            switch (Condition.Operator)
            {
                case RuleOperator.Equals: return string.Equals(actual, _value, _comparison);
                case RuleOperator.NotEquals: return !string.Equals(actual, _value, _comparison);
                case RuleOperator.Contains: return actual.IndexOf(_value, _comparison) >= 0;
                case RuleOperator.NotContains: return actual.IndexOf(_value, _comparison) < 0;
                case RuleOperator.StartsWith: return actual.StartsWith(_value, _comparison);
                case RuleOperator.EndsWith: return actual.EndsWith(_value, _comparison);
                case RuleOperator.IsNotEmpty: return true;
                case RuleOperator.In: return _set!.Contains(actual);
                case RuleOperator.NotIn: return !_set!.Contains(actual);
                case RuleOperator.Matches: return TestRegex(actual, ref note);
                case RuleOperator.GreaterThan: return TestOrder(raw, sign: 1, ref note);
                case RuleOperator.LessThan: return TestOrder(raw, sign: -1, ref note);
                default: note = "unknown operator"; return false;
            }
        }

        private bool TestRegex(string actual, ref string? note)
        {
            if (_regex == null)
            {
                note = "invalid regular expression: " + _regexError;
                return false;
            }
            try
            {
                return _regex.IsMatch(actual);
            }
            catch (RegexMatchTimeoutException)
            {
                note = $"regular expression timed out after {_regex.MatchTimeout.TotalMilliseconds:0} ms";
                return false;
            }
        }

        private bool TestOrder(object? raw, int sign, ref string? note)
        {
            if (!_operand.IsOrdered)
            {
                note = $"'{Condition.Value}' is not a number or date";
                return false;
            }
            var compared = OrderedValue.From(raw).CompareTo(_operand);
            if (compared == null)
            {
                note = "the field is not a " + (_operand.Number.HasValue ? "number" : "date");
                return false;
            }
            return Math.Sign(compared.Value) == sign;
        }

        internal static Regex? TryBuildRegex(string pattern, bool caseSensitive, TimeSpan timeout, out string? error)
        {
            try
            {
                var options = RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
                error = null;
                return new Regex(pattern, options, timeout);
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return null;
            }
        }
    }
}
