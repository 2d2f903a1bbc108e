using System;
using System.Collections.Generic;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// One page of a <c>pageSize</c>/<c>pageToken</c> list: the token of the next page (null at the end) and its items.
    /// The items may be parsed on first use, so the next page can be requested as soon as the token is known.
    /// </summary>
    internal sealed class ISpringPage<T>
    {
        private Func<IReadOnlyList<T>>? _parse;
        private IReadOnlyList<T>? _items;

        public ISpringPage(IReadOnlyList<T> items, string? nextToken)
        {
            _items = items;
            NextToken = nextToken;
        }

        /// <summary>A page whose items <paramref name="parse"/> reads when first asked for (once; it may throw the page's error).</summary>
        public ISpringPage(string? nextToken, Func<IReadOnlyList<T>> parse)
        {
            _parse = parse;
            NextToken = nextToken;
        }

        public string? NextToken { get; }

        public IReadOnlyList<T> Items
        {
            get
            {
                if (_items == null)
                {
                    var parse = _parse!;
                    _parse = null;
                    _items = parse();
                }
                return _items;
            }
        }
    }
}
