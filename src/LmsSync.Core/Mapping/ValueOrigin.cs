using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Mapping
{
    /// <summary>What fed a mapped value: the preview shows it next to the value.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ValueOrigin
    {
        /// <summary>Every source was blank and no default applied.</summary>
        None,
        SalesforceField,
        Default,
        /// <summary>One of the user's Salesforce public groups.</summary>
        PublicGroup,
        /// <summary>The record Id, written to the LMS's Salesforce-Id field.</summary>
        SalesforceId,
    }
}
