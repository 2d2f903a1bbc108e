using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync.Validation
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ValidationSeverity
    {
        /// <summary>The profile cannot run until it is fixed.</summary>
        Error,
        /// <summary>The profile runs, but probably not as meant.</summary>
        Warning,
    }
}
