using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Rules
{
    /// <summary>What a matching rule decides for a user.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum RuleAction
    {
        /// <summary>The user is neither created nor updated.</summary>
        Skip,
        /// <summary>The user is synced; later rules are not consulted.</summary>
        Import,
    }
}
