using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// A connector that can apply many rows in fewer calls (iSpring's bulk status endpoints, SCIM's <c>/Bulk</c>).
    /// Optional: an engine that finds it hands over the rows it can batch and applies the rest one by one. Batches
    /// are independent of each other and may be applied concurrently up to <see cref="ILmsConnector.MaxConcurrency"/>.
    /// </summary>
    public interface ILmsBatchConnector
    {
        /// <summary>True when <see cref="ApplyBatchAsync"/> would apply this row in a batch.</summary>
        bool CanBatch(PlanRow row);

        /// <summary>How many rows one <see cref="ApplyBatchAsync"/> call should get (the LMS's own batch limit).</summary>
        int BatchSize { get; }

        /// <summary>
        /// Applies rows for which <see cref="CanBatch"/> is true; one result per row, in order. Names of groups and
        /// departments created in this run resolve through <paramref name="orgIds"/>. A batch that fails fails each of
        /// its rows with the same error; it never throws for a row's failure. A created user's id is its result's LmsId.
        /// </summary>
        Task<IReadOnlyList<LmsBatchResult>> ApplyBatchAsync(IReadOnlyList<PlanRow> rows, IOrgIdResolver orgIds, CancellationToken cancellationToken);
    }

    /// <summary>One row's outcome in a batch: its LMS id, or the error.</summary>
    public sealed class LmsBatchResult
    {
        public LmsBatchResult(PlanRow row, string? lmsId, LmsConnectorException? error)
        {
            Row = row;
            LmsId = lmsId;
            Error = error;
        }

        public PlanRow Row { get; }
        public string? LmsId { get; }
        public LmsConnectorException? Error { get; }
        public bool Succeeded => Error == null;
    }
}
