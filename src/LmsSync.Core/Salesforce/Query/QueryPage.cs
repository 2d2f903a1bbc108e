using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>One page of a REST query answer.</summary>
    internal sealed class QueryPage
    {
        public QueryPage(long totalSize, bool done, string? nextRecordsUrl, IReadOnlyList<SalesforceRecord> records)
        {
            TotalSize = totalSize;
            Done = done;
            NextRecordsUrl = nextRecordsUrl;
            Records = records;
        }

        public long TotalSize { get; }

        public bool Done { get; }

        public string? NextRecordsUrl { get; }

        public IReadOnlyList<SalesforceRecord> Records { get; }
    }
}
