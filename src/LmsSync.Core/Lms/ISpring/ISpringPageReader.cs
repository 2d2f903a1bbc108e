using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Streams a <c>pageSize</c>/<c>pageToken</c> list one page at a time, never the whole list in memory:
    /// call <see cref="ReadPageAsync"/> until it returns null. Empty pages are skipped; the token is opaque and
    /// passed back unchanged. Not thread-safe: one reader per listing.
    /// </summary>
    public sealed class ISpringPageReader<T>
    {
        private readonly Func<string?, CancellationToken, Task<JObject>> _fetch;
        private readonly string _itemsProperty;
        private readonly Func<JObject, T> _parse;
        private string? _nextToken;
        private bool _done;

        internal ISpringPageReader(Func<string?, CancellationToken, Task<JObject>> fetch, string itemsProperty, Func<JObject, T> parse)
        {
            _fetch = fetch;
            _itemsProperty = itemsProperty;
            _parse = parse;
        }

        /// <summary>Pages fetched so far.</summary>
        public int PagesRead { get; private set; }

        /// <summary>The next non-empty page, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            while (!_done)
            {
                var page = await _fetch(_nextToken, cancellationToken).ConfigureAwait(false);
                PagesRead++;
                var items = page[_itemsProperty] as JArray ?? new JArray();
                var next = (string?)page["nextPageToken"];
                if (string.IsNullOrEmpty(next) || next == _nextToken) _done = true;
                _nextToken = next;
                if (items.Count > 0) return items.OfType<JObject>().Select(_parse).ToList();
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
    }
}
