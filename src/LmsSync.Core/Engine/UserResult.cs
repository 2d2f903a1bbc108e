using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// One user's row of a run, like a provisioning log row: what was done, how it ended, why, and which fields
    /// changed (old → new). Plain and settable so it round-trips through the run's results file.
    /// </summary>
    public sealed class UserResult
    {
        public string RunId { get; set; } = "";
        public PlanAction Action { get; set; }
        public ResultStatus Status { get; set; }
        public string? Reason { get; set; }
        public IReadOnlyList<FieldChange> Changes { get; set; } = new FieldChange[0];
        public string? SalesforceId { get; set; }
        public string? LmsId { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }

        /// <summary>The LMS's own error text on Failure.</summary>
        public string? Error { get; set; }

        public DateTimeOffset Time { get; set; }

        public override string ToString() => $"{Action} {Status} {DisplayName ?? SalesforceId}{(Error == null ? "" : ": " + Error)}";
    }
}
