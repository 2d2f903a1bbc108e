using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// The life of one Bulk 2.0 query job: create it, poll its status with backoff until it completes (a
    /// Failed job, or one still running at the timeout, is aborted and thrown as
    /// <see cref="SalesforceBulkJobException"/>), and delete it after its results are read.
    /// </summary>
    internal sealed class BulkQueryJob
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private readonly SalesforceApi _api;
        private readonly IActivityLog _log;

        private BulkQueryJob(SalesforceApi api, string id, IActivityLog log)
        {
            _api = api;
            Id = id;
            _log = log;
        }

        public string Id { get; }

        public string Path => _api.DataPath("jobs/query/" + Id);

        /// <summary>Creates the job (CSV, comma, LF). Not retried: a repeated create would leave an orphan job.</summary>
        public static async Task<BulkQueryJob> CreateAsync(SalesforceApi api, string soql, bool includeDeleted, IActivityLog log, CancellationToken cancellationToken)
        {
            var body = new JObject
            {
                ["operation"] = includeDeleted ? "queryAll" : "query",
                ["query"] = soql,
                ["contentType"] = "CSV",
                ["columnDelimiter"] = "COMMA",
                ["lineEnding"] = "LF",
            }.ToString(Formatting.None);
            var info = await api.SendAsync(HttpMethod.Post, api.DataPath("jobs/query"), body, BulkJobInfo.Read, cancellationToken).ConfigureAwait(false);
            log.Verbose($"Salesforce Bulk API 2.0 query job {info.Id} created ({info.State}).");
            return new BulkQueryJob(api, info.Id, log);
        }

        /// <summary>Polls until the job is complete and returns its last status; aborts it on timeout or cancellation.</summary>
        public async Task<BulkJobInfo> WaitAsync(BulkQuerySettings settings, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var waited = TimeSpan.Zero;
            var delay = settings.FirstPollDelay;
            var polls = 0;
            try
            {
                while (true)
                {
                    await settings.Delay(delay, cancellationToken).ConfigureAwait(false);
                    waited += delay;
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks + delay.Ticks / 2, settings.MaxPollDelay.Ticks));
                    var info = await _api.GetAsync(Path, BulkJobInfo.Read, cancellationToken).ConfigureAwait(false);
                    polls++;
                    if (info.State == BulkJobInfo.JobComplete)
                    {
                        _log.Verbose($"Salesforce Bulk job {Id} complete after {polls} status polls: {info.RecordsProcessed?.ToString() ?? "?"} records.");
                        return info;
                    }
                    if (!info.IsRunning)
                    {
                        await DeleteAsync().ConfigureAwait(false);
                        throw new SalesforceBulkJobException(
                            $"The Salesforce Bulk API 2.0 query job {Id} ended {info.State}" + (info.ErrorMessage != null ? $": {info.ErrorMessage}" : ".") +
                            " Salesforce gives up on a query after 15 internal retries; try again later, or narrow the source WHERE filter.",
                            Id, info.State, info.ErrorMessage, timedOut: false);
                    }
                    // The fake delays of tests take no time, so the time waited counts as well as the time passed.
                    var elapsed = clock.Elapsed > waited ? clock.Elapsed : waited;
                    if (elapsed >= settings.Timeout)
                    {
                        await AbortAsync().ConfigureAwait(false);
                        throw new SalesforceBulkJobException(
                            $"The Salesforce Bulk API 2.0 query job {Id} was still {info.State} after {settings.Timeout}; it was aborted. " +
                            "Salesforce may be busy: try again later, or read with the REST API (BulkQueryThreshold 0).",
                            Id, info.State, null, timedOut: true);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await AbortAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Best effort: a job left behind is deleted by Salesforce after 7 days anyway.</summary>
        public async Task DeleteAsync()
        {
            try
            {
                await _api.SendAsync(HttpMethod.Delete, Path, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SalesforceException e)
            {
                _log.Verbose($"Could not delete Salesforce Bulk job {Id} (Salesforce deletes it after 7 days): {e.Message}");
            }
        }

        /// <summary>Best effort, so that a job given up on stops using Salesforce's resources.</summary>
        private async Task AbortAsync()
        {
            try
            {
                await _api.SendAsync(Patch, Path, "{\"state\":\"Aborted\"}", BulkJobInfo.Read, CancellationToken.None).ConfigureAwait(false);
                _log.Verbose($"Salesforce Bulk job {Id} aborted.");
            }
            catch (SalesforceException e)
            {
                _log.Warning($"Could not abort Salesforce Bulk job {Id}: {e.Message}");
            }
        }
    }
}
