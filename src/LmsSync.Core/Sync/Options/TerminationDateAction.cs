using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>What happens to a user whose termination date has come.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum TerminationDateAction
    {
        /// <summary>The termination date is ignored.</summary>
        None,
        /// <summary>The LMS user is deactivated (cannot log in); all records are kept. The default, as SkyPrep does.</summary>
        DisableLogin,
    }
}
