using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// A connector whose client finds its limit on requests in flight at run time (iSpring Learn, SCIM: neither documents
    /// one), up to <see cref="ILmsConnector.MaxConcurrency"/>. The engine applies no more rows at once than that limit.
    /// </summary>
    public interface IAdaptiveLmsConnector
    {
        /// <summary>The limit on requests in flight that the client finds at run time.</summary>
        AdaptiveConcurrencyLimit Concurrency { get; }
    }
}
