using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>What the plan does with one user.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum PlanAction
    {
        Create,
        /// <summary>Changes fields, department or groups of an active LMS user.</summary>
        Update,
        /// <summary>Nothing to write (a link may still be recorded; see <see cref="PlanRow.CreatesLink"/>).</summary>
        NoChange,
        /// <summary>Left alone, with the reason (import rule, inactive, no department, administrator …).</summary>
        Skip,
        /// <summary>The LMS user is deactivated: cannot log in, records kept.</summary>
        Deactivate,
        /// <summary>A deactivated LMS user is activated again (with any field changes).</summary>
        Reactivate,
        /// <summary>More than one candidate: nothing is done until someone resolves it.</summary>
        Disputed,
    }
}
