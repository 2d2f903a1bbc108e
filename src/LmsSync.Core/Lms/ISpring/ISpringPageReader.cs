using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Streams a <c>pageSize</c>/<c>pageToken</c> list one page at a time, never the whole list in memory:
    /// call <see cref="ReadPageAsync"/> until it returns null. Empty pages are skipped; the token is opaque and
    /// passed back unchanged; a token that repeats ends the list (a server stuck on one page). With
    /// <see cref="ReadAhead"/> the next page is requested as soon as its token is known — found in the received body
    /// before the page's items are parsed — so the server's time and the network's overlap our parsing and the
    /// caller's work on the current page (memory stays two pages). Not thread-safe: one reader per listing.
    /// </summary>
    public sealed class ISpringPageReader<T>
    {
        private readonly Func<string?, CancellationToken, Task<ISpringPage<T>>> _fetch;
        private Task<ISpringPage<T>>? _prefetch;
        private string? _nextToken;
        private bool _done;

        internal ISpringPageReader(Func<string?, CancellationToken, Task<ISpringPage<T>>> fetch)
        {
            _fetch = fetch;
        }

        /// <summary>
        /// Fetch one page ahead of the caller. Off by default: a caller that reads only the first page (a lookup)
        /// should not cost a second request.
        /// </summary>
        public bool ReadAhead { get; set; }

        /// <summary>Pages fetched so far.</summary>
        public int PagesRead { get; private set; }

        /// <summary>The next non-empty page, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            while (!_done)
            {
                var page = await NextPageAsync(cancellationToken).ConfigureAwait(false);
                PagesRead++;
                var next = page.NextToken;
                var last = string.IsNullOrEmpty(next) || next == _nextToken;
                if (!last && ReadAhead) _prefetch = _fetch(next, cancellationToken).ObserveFaults();
                IReadOnlyList<T> items;
                try
                {
                    items = page.Items; // parsed only now, with the next page's request already out
                }
                catch
                {
                    // This page did not parse: asked again, the reader fetches it again rather than going past it.
                    _prefetch = null;
                    throw;
                }
                _done = last;
                _nextToken = next;
                if (items.Count > 0) return items;
            }
            return null;
        }

        /// <summary>Every remaining item, page by page (for small lists such as departments and groups).</summary>
        public async Task<IReadOnlyList<T>> ReadAllAsync(CancellationToken cancellationToken = default)
        {
            var all = new List<T>();
            IReadOnlyList<T>? page;
            while ((page = await ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null) all.AddRange(page);
            return all;
        }

        private async Task<ISpringPage<T>> NextPageAsync(CancellationToken cancellationToken)
        {
            var prefetch = _prefetch;
            _prefetch = null;
            if (prefetch == null) return await _fetch(_nextToken, cancellationToken).ConfigureAwait(false);
            try
            {
                return await prefetch.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The read-ahead ran under an earlier call's token, since cancelled; this call still wants the page.
                return await _fetch(_nextToken, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
