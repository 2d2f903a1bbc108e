using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// A connector that can apply many rows of the same kind in fewer calls (iSpring's bulk status endpoints).
    /// Optional: an engine that finds it hands over the rows it can batch and applies the rest one by one.
    /// </summary>
    public interface ILmsBatchConnector
    {
        /// <summary>True when <see cref="ApplyBatchAsync"/> would apply this row in a batch.</summary>
        bool CanBatch(PlanRow row);

        /// <summary>
        /// Applies rows for which <see cref="CanBatch"/> is true; one result per row, in order. A batch that fails
        /// fails each of its rows with the same error; it never throws for a row's failure.
        /// </summary>
        Task<IReadOnlyList<LmsBatchResult>> ApplyBatchAsync(IReadOnlyList<PlanRow> rows, CancellationToken cancellationToken);
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
