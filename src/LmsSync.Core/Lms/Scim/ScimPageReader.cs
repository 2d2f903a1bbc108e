using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using Newtonsoft.Json;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Reads a SCIM list one page at a time (RFC 7644 §3.4.2.4): 1-based <c>startIndex</c>, <c>count</c> as a hint.
    /// The next page starts after the resources actually returned (a service may return fewer than asked);
    /// reading stops once <c>startIndex - 1 + returned ≥ totalResults</c>, or at an empty page.
    /// <para>
    /// With a concurrency above 1 (whole-list reads), once the first page has given <c>totalResults</c> and the page
    /// size the service serves, the remaining pages' <c>startIndex</c>es are known, so up to that many are fetched at
    /// once and handed out in order. Every such page must carry the first page's <c>totalResults</c> and exactly the
    /// resources its position implies; if one does not, the list changed under the read (or the service pages
    /// unevenly), and offsets can no longer be trusted: the reader starts again from <c>startIndex=1</c>, one page at
    /// a time, handing out only resources it has not handed out yet. Slower, but no user is missed or repeated.
    /// </para>
    /// <para>Each page is read from the response stream one resource at a time (<see cref="ScimStreamReader"/>).</para>
    /// </summary>
    public sealed class ScimPageReader<T> where T : class
    {
        private readonly ScimClient _client;
        private readonly string _resource;
        private readonly string? _filter;
        /// <summary><c>attributes=…</c> or <c>excludedAttributes=…</c>: optional, dropped if the service refuses it.</summary>
        private readonly string? _projection;
        private readonly Func<JsonReader, T> _read;
        private readonly Func<T, string?> _idOf;
        private readonly int _concurrency;
        /// <summary>Pages read ahead that may wait, arrived, for the caller before no more are asked for.</summary>
        private const int MaxArrivedAhead = 2;

        private readonly Queue<(int Start, Task<ScimListPage<T>> Page)> _ahead = new Queue<(int, Task<ScimListPage<T>>)>();
        private int _nextIndex = 1;
        private bool _done;
        private int _plannedTotal;
        private int _plannedStep;
        private HashSet<string>? _handedOut;
        private bool _rereading;

        internal ScimPageReader(ScimClient client, string resource, string? filter, string? projection, Func<JsonReader, T> read, Func<T, string?> idOf, int concurrency = 1)
        {
            _client = client;
            _resource = resource;
            _filter = filter;
            _projection = projection;
            _read = read;
            _idOf = idOf;
            _concurrency = concurrency;
        }

        /// <summary>The service's <c>totalResults</c> as of the last page read; null before the first.</summary>
        public int? TotalResults { get; private set; }

        public int PagesRead { get; private set; }

        /// <summary>True once a page fetched in parallel did not fit the first page's total, and the list was read again from the start.</summary>
        public bool Reread => _rereading;

        /// <summary>The next page; null when there are no more.</summary>
        public async Task<IReadOnlyList<T>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            while (!_done)
            {
                var page = _plannedStep > 0
                    ? await NextPlannedAsync(cancellationToken).ConfigureAwait(false)
                    : await NextSequentialAsync(cancellationToken).ConfigureAwait(false);
                if (page == null) continue; // the plan broke: read again from the start
                var resources = page.Count == 0 ? page : Unseen(page);
                if (resources.Count > 0) return resources;
            }
            return null;
        }

        private async Task<IReadOnlyList<T>?> NextSequentialAsync(CancellationToken cancellationToken)
        {
            var count = await _client.PageSizeAsync(cancellationToken).ConfigureAwait(false);
            var start = _nextIndex;
            var page = await FetchAsync(start, count, cancellationToken).ConfigureAwait(false);
            PagesRead++;
            var total = page.TotalResults;
            TotalResults = total;
            var resources = page.Resources;
            if (resources.Count == 0)
            {
                _done = true;
                return resources;
            }
            // Advance from where we asked, not from the echoed startIndex: a service that echoes it wrong must not loop us.
            _nextIndex += resources.Count;
            if (total is int t && _nextIndex - 1 >= t) _done = true;
            else if (start == 1 && _concurrency > 1 && !_rereading && total is int known)
            {
                // The rest can be asked for by position, at the page size the service actually serves.
                _plannedTotal = known;
                _plannedStep = resources.Count;
                _handedOut = new HashSet<string>(StringComparer.Ordinal);
            }
            return resources;
        }

        private async Task<IReadOnlyList<T>?> NextPlannedAsync(CancellationToken cancellationToken)
        {
            var count = await _client.PageSizeAsync(cancellationToken).ConfigureAwait(false);
            // Flow control, as TCP's receive window beside its congestion window: pages that arrived and wait to be
            // handed out make nothing faster, and their parsed trees outlive young-generation collections. So none is
            // asked for while MaxArrivedAhead wait; the wire is kept busy up to the concurrency only while the caller
            // keeps up. (It took a 100k read 16 pages ahead from 1.2 GB to 0.95; ListUsers also asks for at most 4.)
            while (_ahead.Count < _concurrency && _nextIndex <= _plannedTotal && _ahead.Count(a => a.Page.IsCompleted) < MaxArrivedAhead)
            {
                // Observed even if the reader is abandoned or the plan breaks.
                var fetch = FetchAsync(_nextIndex, count, cancellationToken).ObserveFaults();
                _ahead.Enqueue((_nextIndex, fetch));
                _nextIndex += _plannedStep;
            }
            var (start, pending) = _ahead.Dequeue();
            var page = await pending.ConfigureAwait(false);
            PagesRead++;
            var total = page.TotalResults;
            TotalResults = total;
            var resources = page.Resources;
            var expected = Math.Min(_plannedStep, _plannedTotal - start + 1);
            if (total != _plannedTotal || resources.Count != expected)
            {
                StartOver();
                return null;
            }
            if (_ahead.Count == 0 && _nextIndex > _plannedTotal) _done = true;
            return resources;
        }

        /// <summary>The list changed during a parallel read: drop what is in flight and read from the start, one page at a time.</summary>
        private void StartOver()
        {
            _ahead.Clear();
            _plannedStep = 0;
            _nextIndex = 1;
            _rereading = true;
        }

        /// <summary>
        /// Resources not handed out before (only tracked for parallel reads, which may have to start over). The page itself
        /// when all are new, as they are unless the list moved under the read.
        /// </summary>
        private IReadOnlyList<T> Unseen(IReadOnlyList<T> resources)
        {
            if (_handedOut == null) return resources;
            List<T>? unseen = null;
            for (var i = 0; i < resources.Count; i++)
            {
                var resource = resources[i];
                var fresh = !(_idOf(resource) is string id) || _handedOut.Add(id);
                if (!fresh && unseen == null)
                {
                    unseen = new List<T>(resources.Count);
                    for (var j = 0; j < i; j++) unseen.Add(resources[j]);
                }
                else if (fresh) unseen?.Add(resource);
            }
            return unseen ?? resources;
        }

        private Task<ScimListPage<T>> FetchAsync(int start, int count, CancellationToken cancellationToken)
        {
            var query = "startIndex=" + start.ToString(CultureInfo.InvariantCulture) + "&count=" + count.ToString(CultureInfo.InvariantCulture);
            return _client.ListPageAsync(_resource, _filter, query, _projection, _read, cancellationToken);
        }
    }
}
