using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Mapping
{
    /// <summary>What kind of value an LMS field holds; decides how values compare.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LmsFieldKind
    {
        /// <summary>Compared after trimming, case-sensitively.</summary>
        Text,
        /// <summary>Compared after trimming, case-insensitively.</summary>
        Email,
        /// <summary>Compared after trimming, case-insensitively (logins and SCIM userName are not case-exact).</summary>
        Login,
        Date,
        Boolean,
    }
}
