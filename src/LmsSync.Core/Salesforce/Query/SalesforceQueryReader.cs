using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// <para>
    /// Salesforce may drop a cursor mid-read (<c>INVALID_QUERY_LOCATOR</c>: idle too long, or an 11th cursor opened
    /// by the same user evicted it; salesforce-api.md §4). The reader then runs the query again from the start and
    /// hands out only the records whose Id it has not handed out yet (the reference's restart-from-checkpoint,
    /// without needing an ORDER BY Id the query may not have), at most <see cref="MaxRestarts"/> times. The read is
    /// complete when the last cursor was read to its end: every record the query matches then was handed out once;
    /// a record that stopped matching after it was handed out stays handed out.
    /// Queries whose records carry no Id cannot be restarted so; their dropped cursor is an error, as before.
    /// </para>
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
        private readonly string _queryPath;
        private QueryPage? _pending;
        private Task<QueryPage>? _prefetch;
        private string? _next;
        private bool _ended;
        /// <summary>Rows read from the current cursor (the one <see cref="TotalSize"/> belongs to).</summary>
        private long _cursorRows;
        /// <summary>Ids handed out, to skip them after a restart; null once a record without an Id was handed out.</summary>
        private HashSet<string>? _handedOut = new HashSet<string>(StringComparer.Ordinal);
        private int _restarts;

        /// <summary>How many times a dropped cursor is replaced by running the query again.</summary>
        public const int MaxRestarts = 2;

        internal SalesforceQueryReader(SalesforceApi api, string soql, string queryPath, QueryPage first, RecordShape shape, int? batchSize, bool isCountOnly, bool readAhead, IActivityLog log)
        {
            _readAhead = readAhead;
            _api = api;
            _queryPath = queryPath;
            Soql = soql;
            _shape = shape;
            _batchSize = batchSize;
            _isCountOnly = isCountOnly;
            _log = log;
            TotalSize = first.TotalSize;
            _pending = first;
        }

        public string Soql { get; }

        /// <summary>Rows Salesforce says the query matches (all pages; after a restart, as the query was run again).</summary>
        public long TotalSize { get; private set; }

        /// <summary>Rows handed out so far (each record once, across restarts).</summary>
        public long RecordsRead { get; private set; }

        /// <summary>How many times the query was run again after Salesforce dropped its cursor.</summary>
        public int Restarts => _restarts;

        public int PagesRead { get; private set; }

        /// <summary>True once the last page has been handed out and the row count matched <see cref="TotalSize"/>.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>The next page of records, or null when the query has been read to the end.</summary>
        public async Task<IReadOnlyList<SalesforceRecord>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            while (!_ended)
            {
                var page = await NextPageAsync(cancellationToken).ConfigureAwait(false);
                if (page == null)
                {
                    _ended = true;
                    return null;
                }
                var records = Accept(page, cancellationToken);
                if (page.Records.Count == 0 && _next == null)
                {
                    _ended = true;
                    return PagesRead == 1 ? page.Records : null;
                }
                if (records.Count > 0 || _next == null) return records;
                // Every record of this page was handed out before a restart: go on to the next.
            }
            return null;
        }

        /// <summary>The next page from Salesforce (the first, the read-ahead, or a fetch); null when there is none.</summary>
        private async Task<QueryPage?> NextPageAsync(CancellationToken cancellationToken)
        {
            if (_pending != null)
            {
                var first = _pending;
                _pending = null;
                return first;
            }
            if (_next == null) return null;
            try
            {
                if (_prefetch == null) return await FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ConfigureAwait(false);
                var prefetch = _prefetch;
                _prefetch = null;
                try
                {
                    return await prefetch.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The read-ahead ran under an earlier call's token, since cancelled; this call still wants the page.
                    return await FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (SalesforceApiException e) when (e.ErrorCode == "INVALID_QUERY_LOCATOR" && CanRestart)
            {
                _restarts++;
                _log.Warning($"Salesforce dropped the query cursor after {_cursorRows} of {TotalSize} rows ({e.ErrorCode}: it expired, or more than 10 cursors were open for this user); running the query again and skipping the {RecordsRead} rows already read (restart {_restarts} of {MaxRestarts}).");
                var again = await FetchAsync(_queryPath, _api, _shape, _batchSize, cancellationToken).ConfigureAwait(false);
                TotalSize = again.TotalSize;
                _cursorRows = 0;
                return again;
            }
        }

        private bool CanRestart => _restarts < MaxRestarts && _handedOut != null && !_isCountOnly;

        /// <summary>Counts a page against its cursor, checks the count, starts the read-ahead, and returns the records not handed out before.</summary>
        private IReadOnlyList<SalesforceRecord> Accept(QueryPage page, CancellationToken cancellationToken)
        {
            PagesRead++;
            _cursorRows += page.Records.Count;
            if (_cursorRows > TotalSize && !_isCountOnly)
                throw Incomplete($"Salesforce sent more rows ({_cursorRows}) than the query's totalSize ({TotalSize}).");
            var records = _restarts == 0 ? page.Records : page.Records.Where(r => !(r.Id is string id && _handedOut!.Contains(id))).ToList();
            Remember(records);
            RecordsRead += records.Count;

            // Defensive stop (as NetCoreForce does): done:false without a nextRecordsUrl cannot go on either.
            _next = page.Done ? null : page.NextRecordsUrl;
            if (_next == null)
            {
                if (!page.Done) _log.Warning($"Salesforce marked page {PagesRead} as not done but gave no next page; stopping there.");
                if (_cursorRows != TotalSize && !_isCountOnly)
                    throw Incomplete($"The Salesforce query ended after {_cursorRows} of {TotalSize} rows ({PagesRead} pages).");
                IsComplete = true;
                _log.Verbose($"Read {RecordsRead} rows in {PagesRead} pages from Salesforce.");
            }
            else if (_readAhead)
            {
                _prefetch = FetchAsync(_next, _api, _shape, _batchSize, cancellationToken).ObserveFaults();
            }
            return records;
        }

        private void Remember(IReadOnlyList<SalesforceRecord> records)
        {
            if (_handedOut == null) return;
            foreach (var record in records)
            {
                if (!(record.Id is string id))
                {
                    _handedOut = null; // records without an Id cannot be told apart after a restart
                    return;
                }
                _handedOut.Add(id);
            }
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
                TotalSize, _cursorRows);
    }
}
