using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Rules
{
    /// <summary>How the conditions of one rule combine.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ConditionJoin
    {
        /// <summary>Every condition must hold (AND).</summary>
        All,
        /// <summary>At least one condition must hold (OR).</summary>
        Any,
    }
}
