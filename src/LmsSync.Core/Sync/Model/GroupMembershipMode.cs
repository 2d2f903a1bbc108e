using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>How an LMS changes group membership; the plan is the same either way, the executor differs.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum GroupMembershipMode
    {
        /// <summary>One user joins or leaves one group per call (SkyPrep, SCIM PATCH members).</summary>
        PerUser,
        /// <summary>A write replaces the whole member list (iSpring <c>POST /group/{id}/members</c>).</summary>
        ReplaceMembers,
    }
}
