using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Streams a SkyPrep list one page at a time (netstandard2.0 has no IAsyncEnumerable): call
    /// <see cref="ReadPageAsync"/> until it returns null. Pagination is undocumented [I], so the reader also
    /// copes with a server that ignores the paging parameters: a page longer than asked for, or a later page
    /// that starts with the first page's first record, means "that was everything".
    /// </summary>
    public sealed class SkyPrepPageReader<T>
    {
        private readonly Func<int, CancellationToken, Task<IReadOnlyList<T>>> _fetch;
        private readonly Func<T, long> _idOf;
        private readonly int _pageSize;
        private readonly bool _paged;
        private long? _firstId;
        private bool _done;

        internal SkyPrepPageReader(Func<int, CancellationToken, Task<IReadOnlyList<T>>> fetch, Func<T, long> idOf, int pageSize, bool paged)
        {
            _fetch = fetch;
            _idOf = idOf;
            _pageSize = pageSize;
            _paged = paged;
        }

        /// <summary>Pages fetched so far (calls made).</summary>
        public int PagesRead { get; private set; }

        /// <summary>The next page, or null when there is nothing more (an empty list is never returned).</summary>
        public async Task<IReadOnlyList<T>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return null;
            var rows = await _fetch(PagesRead + 1, cancellationToken).ConfigureAwait(false);
            PagesRead++;
            if (!_paged || rows.Count == 0)
            {
                _done = true;
                return rows.Count == 0 ? null : rows;
            }
            if (_firstId is long first && _idOf(rows[0]) == first)
            {
                // Page 2 came back as page 1: the server ignores the paging parameters and sent everything already.
                _done = true;
                return null;
            }
            _firstId ??= _idOf(rows[0]);
            // Fewer than asked: the last page. More than asked: the server sent everything in one answer.
            if (rows.Count != _pageSize) _done = true;
            return rows;
        }

        /// <summary>Reads the remaining pages into one list (for small lists such as groups).</summary>
        public async Task<IReadOnlyList<T>> ReadAllAsync(CancellationToken cancellationToken = default)
        {
            var all = new List<T>();
            IReadOnlyList<T>? page;
            while ((page = await ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null) all.AddRange(page);
            return all;
        }
    }
}
