using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Sync
{
    /// <summary>How a Salesforce user was paired with an LMS user, in the order the methods are tried.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum MatchMethod
    {
        /// <summary>No LMS user matched.</summary>
        None,
        /// <summary>The stored link (Salesforce Id ↔ LMS id).</summary>
        Link,
        /// <summary>The Salesforce Id the LMS keeps in its own field (SCIM externalId).</summary>
        SalesforceIdField,
        /// <summary>The email, ignoring case.</summary>
        Email,
        /// <summary>The login, ignoring case.</summary>
        Login,
    }
}
