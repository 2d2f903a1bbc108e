using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Engine
{
    /// <summary>How one user's row of a run ended.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ResultStatus
    {
        /// <summary>Applied (or nothing needed applying).</summary>
        Success,
        /// <summary>The LMS refused or failed the change; <see cref="UserResult.Error"/> has its own text.</summary>
        Failure,
        /// <summary>Not applied: a skip or disputed row, or a row the run did not get to (see Reason).</summary>
        Skipped,
        /// <summary>The caller declined the change (-Confirm answered No).</summary>
        NotConfirmed,
    }
}
