using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>Why a user is deactivated.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DeactivationReason
    {
        None,
        /// <summary>Linked, but no longer returned by a complete Salesforce read.</summary>
        NotInSalesforce,
        /// <summary>IsActive is false in Salesforce.</summary>
        Inactive,
        /// <summary>The termination date is today or earlier.</summary>
        Terminated,
        /// <summary>An import rule or the scope now skips the user.</summary>
        OutOfScope,
    }
}
