using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Mapping
{
    /// <summary>How the group sources of a <see cref="GroupMapping"/> combine.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum GroupCombine
    {
        /// <summary>The user joins the groups named by every source (and public groups when included).</summary>
        All,
        /// <summary>Like a field: the first non-blank source names the groups.</summary>
        FirstNonBlank,
    }
}
