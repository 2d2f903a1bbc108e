using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// A query's records, one page at a time, whichever API reads them (REST query or Bulk API 2.0).
    /// Call <see cref="ReadPageAsync"/> until it returns null; then <see cref="IsComplete"/> says whether
    /// every row Salesforce announced was read.
    /// </summary>
    public interface IRecordPageReader
    {
        /// <summary>The next page of records, or null when the query has been read to the end.</summary>
        Task<IReadOnlyList<SalesforceRecord>?> ReadPageAsync(CancellationToken cancellationToken = default);

        /// <summary>Rows Salesforce says the query matches (all pages).</summary>
        long TotalSize { get; }

        /// <summary>Rows handed out so far.</summary>
        long RecordsRead { get; }

        /// <summary>True once the last page has been handed out and the row count matched <see cref="TotalSize"/>.</summary>
        bool IsComplete { get; }
    }
}
