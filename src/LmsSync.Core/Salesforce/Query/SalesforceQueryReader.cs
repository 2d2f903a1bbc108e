using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Salesforce.Query
{
    /// <summary>
    /// A running query, read one page at a time through <c>nextRecordsUrl</c>. While the caller works on a
    /// page, the next one is already being fetched (one page ahead, never more: memory stays two pages),
    /// so Salesforce's time and the caller's overlap. Call <see cref="ReadPageAsync"/> until it returns null. The read is <see cref="IsComplete"/> only when
    /// Salesforce said <c>done</c> and the rows read equal <c>totalSize</c>; a shortfall throws
    /// <see cref="SalesforceQueryIncompleteException"/> rather than pass a partial org off as the whole.
    /// Not for concurrent use by several readers (one cursor, read in order).
    /// </summary>
    public sealed class SalesforceQueryReader : IRecordPageReader
    {
        private readonly SalesforceApi _api;
        private readonly RecordShape _shape;
        private readonly int? _batchSize;
        private readonly bool _isCountOnly;
        private readonly IActivityLog _log;
        private readonly bool _readAhead;
        private QueryPage? _pending;
        private Task<QueryPage>? _prefetch;
        private string? _next;
        private bool _ended;

        internal SalesforceQueryReader(SalesforceApi api, string soql, QueryPage first, RecordShape shape, int? batchSize, bool isCountOnly, bool readAhead, IActivityLog log)
        {
            _readAhead = readAhead;
            _api = api;
            Soql = soql;
            _shape = shape;
            _batchSize = batchSize;
            _isCountOnly = isCountOnly;
            _log = log;
            TotalSize = first.TotalSize;
            _pending = first;
        }

        public string Soql { get; }

        /// <summary>Rows Salesforce says the query matches (all pages).</summary>
        public long TotalSize { get; }

        /// <summary>Rows handed out so far.</summary>
        public long RecordsRead { get; private set; }

        public int PagesRead { get; private set; }

        /// <summary>True once the last page has been handed out and the row count matched <see cref="TotalSize"/>.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>The next page of records, or null when the query has been read to the end.</summary>
        public async Task<IReadOnlyList<SalesforceRecord>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            if (_ended) return null;
            QueryPage page;
            if (_pending != null)
            {
                page = _pending;
                _pending = null;
            }
            else if (_prefetch != null)
            {
                var prefetch = _prefetch;
                _prefetch = null;
                try
                {
                    page = await prefetch.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _next != null)
                {
                    // The read-ahead ran under an earlier call's token, since cancelled; this call still wants the page.
                    page = await FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (_next != null)
            {
                page = await FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _ended = true;
                return null;
            }

            PagesRead++;
            RecordsRead += page.Records.Count;
            if (RecordsRead > TotalSize && !_isCountOnly)
                throw Incomplete($"Salesforce sent more rows ({RecordsRead}) than the query's totalSize ({TotalSize}).");

            // Defensive stop (as NetCoreForce does): done:false without a nextRecordsUrl cannot go on either.
            _next = page.Done ? null : page.NextRecordsUrl;
            if (_next == null)
            {
                if (!page.Done) _log.Warning($"Salesforce marked page {PagesRead} as not done but gave no next page; stopping there.");
                if (RecordsRead != TotalSize && !_isCountOnly)
                    throw Incomplete($"The Salesforce query ended after {RecordsRead} of {TotalSize} rows ({PagesRead} pages).");
                IsComplete = true;
                _log.Verbose($"Read {RecordsRead} rows in {PagesRead} pages from Salesforce.");
            }
            if (_next != null && _readAhead)
            {
                _prefetch = FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ObserveFaults();
            }
            if (page.Records.Count == 0 && _next == null)
            {
                _ended = true;
                return PagesRead == 1 ? page.Records : null;
            }
            return page.Records;
        }

        internal static Task<QueryPage> FetchAsync(string pathAndQuery, SalesforceApi api, RecordShape shape, int? batchSize, CancellationToken cancellationToken)
        {
            Action<HttpRequestHeaders>? headers = null;
            if (batchSize is int size)
                headers = h => h.TryAddWithoutValidation("Sforce-Query-Options", "batchSize=" + size.ToString(CultureInfo.InvariantCulture));
            return api.GetAsync(pathAndQuery, reader => QueryPageReader.Read(reader, shape), cancellationToken, headers);
        }

        private SalesforceQueryIncompleteException Incomplete(string what) =>
            new SalesforceQueryIncompleteException(
                what + " The read is incomplete and must not be used as the whole set (people missing from it would look as if they had left). Run the read again; if it keeps happening, report it with this message.",
                TotalSize, RecordsRead);
    }
}
