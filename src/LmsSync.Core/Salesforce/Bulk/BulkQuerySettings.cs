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
        /// The wait before the first status poll; each later wait is half as long again, up to <see cref="MaxPollDelay"/>:
        /// 0.25, 0.63, 1.2, 2.0, 3.3, 5.2, 8.1 s… A job that ends within a second (a read of tens of thousands of rows on a
        /// quiet org) is found then, not at the first poll of jsforce's 1 s, which cost a 100,000-user run most of a second
        /// when the job was done long before; a job that runs longer costs two more status calls than starting at 1 s.
        /// Growing by half rather than doubling finds a job that ends after a few seconds at most half its run time late
        /// instead of up to its whole run time, for about three more polls in the 30-minute worst case.
        /// </summary>
        public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(250);

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
