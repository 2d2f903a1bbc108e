using System.Collections.Generic;

namespace LmsSync.Core.Engine
{
    /// <summary>What a preview covers. Everyone is always planned (so matching is right); this only narrows what is shown.</summary>
    public sealed class PreviewRequest
    {
        /// <summary>Only rows of these Salesforce users (15- or 18-character ids); null for all.</summary>
        public IReadOnlyCollection<string>? OnlySalesforceIds { get; set; }
    }
}
