using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Mapping
{
    /// <summary>When a mapping's default value is written (Salesforce values are always written).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ApplyOn
    {
        /// <summary>Only when the integration creates the user: a default never changes an existing user.</summary>
        Create,
        /// <summary>On create and on every update where all Salesforce fields are blank.</summary>
        Always,
    }
}
