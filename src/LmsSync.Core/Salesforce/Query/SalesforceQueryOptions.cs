using System;
using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>How a query runs.</summary>
    public sealed class SalesforceQueryOptions
    {
        public const int MinBatchSize = 200;
        public const int MaxBatchSize = 2000;

        /// <summary>Use <c>/queryAll</c>: include deleted (Recycle Bin) and merged records. Pointless for User, which is never deleted.</summary>
        public bool IncludeDeleted { get; set; }

        /// <summary>Rows per page asked for (<c>Sforce-Query-Options: batchSize=</c>, 200–2000). Only a hint: Salesforce may send fewer.</summary>
        public int? BatchSize { get; set; }

        /// <summary>Fetch the next page while the caller processes the current one (default on; at most one page ahead).</summary>
        public bool ReadAhead { get; set; } = true;

        /// <summary>
        /// Salesforce types of the selected paths (<c>datetime</c>, <c>date</c>, …) from describe; when
        /// given, values convert by type. Without it only Salesforce's exact datetime form converts.
        /// </summary>
        public IReadOnlyDictionary<string, string>? FieldTypes { get; set; }

        internal static int? CheckBatchSize(int? batchSize)
        {
            if (batchSize is int size && (size < MinBatchSize || size > MaxBatchSize))
                throw new ArgumentOutOfRangeException(nameof(BatchSize), size, $"The query batch size must be {MinBatchSize}..{MaxBatchSize}; Salesforce ignores other values.");
            return batchSize;
        }
    }
}
