using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>The kinds of LMS the module can keep in step with Salesforce.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LmsKind
    {
        SkyPrep,
        ISpring,
        /// <summary>Any service with a SCIM 2.0 (RFC 7644) user endpoint.</summary>
        Scim,
    }
}
