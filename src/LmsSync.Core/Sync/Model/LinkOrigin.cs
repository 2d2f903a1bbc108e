using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>How the integration came to own an LMS user.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LinkOrigin
    {
        /// <summary>The integration created the user.</summary>
        Created,
        /// <summary>The user already existed and the integration matched it (Salesforce-Id field, email or login).</summary>
        Matched,
    }
}
