using System;
using Newtonsoft.Json;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// A stored pairing of a Salesforce user with an LMS user. Only linked LMS users are ever
    /// deactivated by the integration.
    /// </summary>
    public sealed class Link
    {
        [JsonConstructor]
        public Link(string salesforceId, string lmsId, LinkOrigin origin, DateTimeOffset linkedAt)
        {
            SalesforceId = salesforceId ?? throw new ArgumentNullException(nameof(salesforceId));
            LmsId = lmsId ?? throw new ArgumentNullException(nameof(lmsId));
            Origin = origin;
            LinkedAt = linkedAt;
        }

        public string SalesforceId { get; }
        public string LmsId { get; }
        public LinkOrigin Origin { get; }
        public DateTimeOffset LinkedAt { get; }
    }
}
