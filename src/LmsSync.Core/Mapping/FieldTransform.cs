using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Mapping
{
    /// <summary>A small text transform applied, in the listed order, to a value read from Salesforce.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum FieldTransform
    {
        Trim,
        /// <summary>Lower case, culture-invariant.</summary>
        Lower,
        /// <summary>Upper case, culture-invariant.</summary>
        Upper,
    }
}
