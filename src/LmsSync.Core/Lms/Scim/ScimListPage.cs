using System.Collections.Generic;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>One page of a SCIM list: the service's <c>totalResults</c> (null when it sent none) and the resources on it.</summary>
    internal sealed class ScimListPage<T>
    {
        public ScimListPage(int? totalResults, IReadOnlyList<T> resources)
        {
            TotalResults = totalResults;
            Resources = resources;
        }

        public int? TotalResults { get; }
        public IReadOnlyList<T> Resources { get; }
    }
}
