using System;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>How Bulk API 2.0 query jobs are waited for and downloaded (salesforce-api.md §5).</summary>
    public sealed class BulkQuerySettings
    {
        /// <summary>Rows per result page (<c>maxRecords</c>); 50,000 by default, as simple-salesforce uses.</summary>
        public int MaxRecords { get; set; } = 50_000;

        /// <summary>
        /// The wait before the first status poll; each later wait is half as long again, up to <see cref="MaxPollDelay"/>.
        /// One second, as jsforce polls first. Bulk is used only from tens of thousands of rows, which a real org seldom
        /// extracts faster, so polling sooner would mostly add calls. Growing by half (1, 2.5, 4.8, 8.1, 13 s…) rather than
        /// doubling (1, 3, 7, 15, 31 s…) finds a job that ends after a few seconds at most half its run time late instead
        /// of up to its whole run time, for about three more polls in the 30-minute worst case.
        /// </summary>
        public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a job may run before the client aborts it and gives up; 30 minutes by default.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>How a poll waits (tests replace it so they do not sleep); Task.Delay by default.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

        internal void Validate()
        {
            if (MaxRecords <= 0) throw new ArgumentException("Bulk MaxRecords must be positive.");
            if (FirstPollDelay < TimeSpan.Zero || MaxPollDelay < FirstPollDelay) throw new ArgumentException("Bulk poll delays must be positive, the first no longer than the maximum.");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentException("The Bulk job timeout must be positive.");
            if (Delay == null) throw new ArgumentException("The Bulk poll Delay function is required.");
        }
    }
}
