using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Reads a SCIM list one page at a time (RFC 7644 §3.4.2.4): 1-based <c>startIndex</c>, <c>count</c> as a hint.
    /// The next page starts after the resources actually returned (a service may return fewer than asked);
    /// reading stops once <c>startIndex - 1 + returned ≥ totalResults</c>, or at an empty page.
    /// </summary>
    public sealed class ScimPageReader<T> where T : class
    {
        private readonly ScimClient _client;
        private readonly string _resource;
        private readonly string? _filter;
        private readonly string? _extraQuery;
        private readonly Func<JObject, T> _convert;
        private int _nextIndex = 1;
        private bool _done;

        internal ScimPageReader(ScimClient client, string resource, string? filter, string? extraQuery, Func<JObject, T> convert)
        {
            _client = client;
            _resource = resource;
            _filter = filter;
            _extraQuery = extraQuery;
            _convert = convert;
        }

        /// <summary>The service's <c>totalResults</c> as of the last page read; null before the first.</summary>
        public int? TotalResults { get; private set; }

        public int PagesRead { get; private set; }

        /// <summary>The next page; null when there are no more.</summary>
        public async Task<IReadOnlyList<T>?> ReadPageAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return null;
            var count = await _client.PageSizeAsync(cancellationToken).ConfigureAwait(false);
            var query = "startIndex=" + _nextIndex.ToString(CultureInfo.InvariantCulture) + "&count=" + count.ToString(CultureInfo.InvariantCulture);
            var page = await _client.ListAsync(_resource, _filter, query + (_extraQuery == null ? "" : "&" + _extraQuery), cancellationToken).ConfigureAwait(false);
            PagesRead++;

            var total = ScimJson.Int(ScimJson.Get(page, "totalResults"));
            TotalResults = total;
            var resources = (ScimJson.Get(page, "Resources") as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
            if (resources.Count == 0)
            {
                _done = true;
                return null;
            }
            // Advance from where we asked, not from the echoed startIndex: a service that echoes it wrong must not loop us.
            _nextIndex += resources.Count;
            if (total is int t && _nextIndex - 1 >= t) _done = true;
            return resources.Select(_convert).ToList();
        }
    }
}
