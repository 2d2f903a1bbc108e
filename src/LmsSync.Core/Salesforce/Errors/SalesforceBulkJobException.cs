namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// A Bulk API 2.0 query job did not complete: Salesforce marked it Failed (its errorMessage is
    /// <see cref="SalesforceMessage"/>), someone aborted it, or it ran past the client's timeout (then the
    /// client aborted it, and <see cref="TimedOut"/> is true).
    /// </summary>
    public sealed class SalesforceBulkJobException : SalesforceException
    {
        public SalesforceBulkJobException(string message, string jobId, string state, string? salesforceMessage, bool timedOut) : base(message)
        {
            JobId = jobId;
            State = state;
            SalesforceMessage = salesforceMessage;
            TimedOut = timedOut;
        }

        /// <summary>The job's id (750…).</summary>
        public string JobId { get; }

        /// <summary>The job's last known state: Failed, Aborted, or (timed out) the state it was still in.</summary>
        public string State { get; }

        /// <summary>The job's errorMessage, when Salesforce gave one.</summary>
        public string? SalesforceMessage { get; }

        public bool TimedOut { get; }
    }
}
