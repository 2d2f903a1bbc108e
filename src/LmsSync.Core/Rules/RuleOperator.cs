using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// How a condition compares a Salesforce field with its value. Text compares trimmed and, unless the rule
    /// is case-sensitive, ignoring case. A condition on a blank field (null, empty, whitespace) is false for
    /// every operator except <see cref="IsEmpty"/> — so <see cref="NotEquals"/>, <see cref="NotContains"/> and
    /// <see cref="NotIn"/> are false on a blank field too. See docs/about_LmsSync_ImportRules.md.
    /// </summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum RuleOperator
    {
        /// <summary>The field equals the value.</summary>
        Equals,
        /// <summary>The field is not blank and differs from the value.</summary>
        NotEquals,
        /// <summary>The field contains the value.</summary>
        Contains,
        /// <summary>The field is not blank and does not contain the value.</summary>
        NotContains,
        StartsWith,
        EndsWith,
        /// <summary>The field is blank (null, empty or whitespace). The only operator true on a blank field.</summary>
        IsEmpty,
        /// <summary>The field is not blank.</summary>
        IsNotEmpty,
        /// <summary>The field equals one of the values.</summary>
        In,
        /// <summary>The field is not blank and equals none of the values.</summary>
        NotIn,
        /// <summary>The field matches the .NET regular expression (unanchored; use ^…$ for the whole value); bounded by a time limit.</summary>
        Matches,
        /// <summary>Numbers compare as numbers, dates and datetimes as instants (a date is midnight UTC); otherwise false.</summary>
        GreaterThan,
        /// <summary>Numbers compare as numbers, dates and datetimes as instants (a date is midnight UTC); otherwise false.</summary>
        LessThan,
    }
}
