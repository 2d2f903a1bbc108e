using System.Collections.Generic;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>One page of a <c>pageSize</c>/<c>pageToken</c> list: its items and the token of the next page (null at the end).</summary>
    internal sealed class ISpringPage<T>
    {
        public ISpringPage(IReadOnlyList<T> items, string? nextToken)
        {
            Items = items;
            NextToken = nextToken;
        }

        public IReadOnlyList<T> Items { get; }
        public string? NextToken { get; }
    }
}
