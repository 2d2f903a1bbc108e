using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>
    /// The results of a completed Bulk 2.0 query job, read one CSV page (<c>maxRecords</c> rows) at a time by
    /// locator. The next page is asked for as soon as the headers of the page the caller waits for name it, so Salesforce
    /// prepares and sends it while this one is parsed and the caller works on it; pages are still parsed one after another
    /// (they share the query's record builder and value pool). A page is handed out only whole:
    /// one whose body breaks off (or holds fewer rows than announced) is fetched again by its locator, which
    /// Salesforce keeps stable, so no record is lost or read twice. The job is deleted after the last page: the delete
    /// is sent as that page is handed out and awaited by the call after it (the one that returns null), so the caller
    /// works on the last page meanwhile instead of waiting a round trip for it.
    /// Not for concurrent use.
    /// </summary>
    public sealed class BulkQueryReader : IRecordPageReader
    {
        /// <summary>Tries per page when its body cannot be read (HTTP-level failures were already retried below).</summary>
        private const int PageTries = 3;

        private readonly SalesforceApi _api;
        private readonly BulkQueryJob _job;
        private readonly RecordShape _shape;
        private readonly int _maxRecords;
        private readonly IActivityLog _log;
        private readonly object _gate = new object();
        private readonly SemaphoreSlim _parsing = new SemaphoreSlim(1, 1);
        // Under _gate: the read-ahead (of the page after the last one handed out) and the locator of the page the caller waits for ("" = the first).
        private Task<BulkResultPage>? _prefetch;
        private string? _wanted;
        private string? _nextLocator;
        private bool _started;
        private bool _ended;
        private Task? _deleting;

        internal BulkQueryReader(SalesforceApi api, BulkQueryJob job, long totalSize, RecordShape shape, int maxRecords, IActivityLog log)
        {
            _api = api;
            _job = job;
            TotalSize = totalSize;
            _shape = shape;
            _maxRecords = maxRecords;
            _log = log;
        }

        /// <summary>The job's id (750…).</summary>
        public string JobId => _job.Id;

        /// <summary>Rows the job's results hold (numberRecordsProcessed).</summary>
        public long TotalSize { get; }

        public long RecordsRead { get; private set; }

        public int PagesRead { get; private set; }

        public bool IsComplete { get; private set; }

        public async Task<IReadOnlyList<SalesforceRecord>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            if (_ended)
            {
                var deleting = _deleting;
                _deleting = null;
                if (deleting != null) await deleting.ConfigureAwait(false);
                return null;
            }
            BulkResultPage page;
            Task<BulkResultPage>? prefetch;
            lock (_gate)
            {
                _wanted = _started ? _nextLocator : "";
                prefetch = _prefetch;
                _prefetch = null;
            }
            if (!_started)
            {
                _started = true;
                page = await FetchAsync(null, cancellationToken).ConfigureAwait(false);
            }
            else if (prefetch != null)
            {
                try
                {
                    page = await prefetch.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The read-ahead ran under an earlier call's token, since cancelled; this call still wants the page.
                    page = await FetchAsync(_nextLocator, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                _ended = true;
                return null;
            }

            PagesRead++;
            RecordsRead += page.Records.Count;
            _nextLocator = page.NextLocator;
            if (_nextLocator == null)
            {
                _ended = true;
                if (RecordsRead != TotalSize)
                    throw new SalesforceQueryIncompleteException(
                        $"The Salesforce Bulk job {JobId} results held {RecordsRead} rows, not the {TotalSize} it processed. The read is incomplete and must not be used as the whole set; run it again.",
                        TotalSize, RecordsRead);
                IsComplete = true;
                _log.Verbose($"Read {RecordsRead} rows in {PagesRead} Bulk result pages from Salesforce.");
                _deleting = _job.DeleteAsync().ObserveFaults();
            }
            else
            {
                ReadAhead(_nextLocator, cancellationToken); // unless this page's headers already did
            }
            return page.Records;
        }

        /// <summary>
        /// Deletes the job of a reader its caller gave up on before reading any page (best effort), so a job opened ahead
        /// of a run that then failed does not stay behind for Salesforce's seven days.
        /// </summary>
        public async Task DiscardAsync()
        {
            if (_started) return;
            _started = _ended = true;
            await _job.DeleteAsync().ConfigureAwait(false);
        }

        private async Task<BulkResultPage> FetchAsync(string? locator, CancellationToken cancellationToken)
        {
            var path = _job.Path + "/results?maxRecords=" + _maxRecords.ToString(CultureInfo.InvariantCulture) +
                       (locator == null ? "" : "&locator=" + Uri.EscapeDataString(locator));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await _api.GetStreamAsync(path, (response, body) => ParseAsync(locator ?? "", response, body, cancellationToken), cancellationToken,
                        headers => headers.Accept.ParseAdd("text/csv")).ConfigureAwait(false);
                }
                catch (Exception e) when (IsBrokenBody(e, cancellationToken))
                {
                    if (attempt >= PageTries)
                        throw new SalesforceResponseException(
                            $"Salesforce Bulk job {JobId}: result page {PagesRead + 1} could not be read after {attempt} tries: {e.Message}. The read is incomplete; run it again.",
                            200, "text/csv", "");
                    _log.Verbose($"Salesforce Bulk job {JobId}: result page {PagesRead + 1} broke off ({e.Message}); fetching it again by its locator.");
                }
            }
        }

        private async Task<BulkResultPage> ParseAsync(string page, HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
        {
            await _parsing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await BulkResultPage.ReadAsync(response, body, _shape, next =>
                {
                    bool wanted;
                    lock (_gate) wanted = _wanted == page;
                    // Only the page the caller waits for reads ahead, so at most one page is ever ahead of the caller.
                    if (wanted) ReadAhead(next, cancellationToken);
                }).ConfigureAwait(false);
            }
            finally
            {
                _parsing.Release();
            }
        }

        /// <summary>Starts fetching the page <paramref name="locator"/> names, unless it is already on its way.</summary>
        private void ReadAhead(string locator, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_prefetch != null) return;
                _prefetch = FetchAsync(locator, cancellationToken).ObserveFaults();
            }
        }

        private static bool IsBrokenBody(Exception e, CancellationToken cancellationToken) =>
            !cancellationToken.IsCancellationRequested && (e is IOException || e is InvalidDataException || e is HttpRequestException || e is OperationCanceledException);
    }
}
