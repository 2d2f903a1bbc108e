using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum OrgChangeKind
    {
        CreateDepartment,
        CreateGroup,
        /// <summary>Deletes an empty department the integration created.</summary>
        DeleteDepartment,
    }
}
