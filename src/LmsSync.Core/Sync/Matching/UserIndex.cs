using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>LMS users by one key; most keys have one user, so lists are made only for duplicates.</summary>
    internal sealed class UserIndex
    {
        private static readonly IReadOnlyList<LmsUser> Empty = new LmsUser[0];

        private readonly Dictionary<string, LmsUser> _first;
        private readonly Dictionary<string, List<LmsUser>> _more;

        public UserIndex(IEqualityComparer<string> comparer, int capacity)
        {
            _first = new Dictionary<string, LmsUser>(capacity, comparer);
            _more = new Dictionary<string, List<LmsUser>>(comparer);
        }

        [MethodImpl(Jit.Optimized)]
        public void Add(string? key, LmsUser user)
        {
            if (string.IsNullOrWhiteSpace(key)) return;
            var trimmed = key!.Trim();
            if (!_first.TryGetValue(trimmed, out var first))
            {
                _first[trimmed] = user;
                return;
            }
            if (!_more.TryGetValue(trimmed, out var list)) _more[trimmed] = list = new List<LmsUser> { first };
            list.Add(user);
        }

        [MethodImpl(Jit.Optimized)]
        public IReadOnlyList<LmsUser> Find(string? key)
        {
            if (string.IsNullOrWhiteSpace(key)) return Empty;
            var trimmed = key!.Trim();
            if (_more.TryGetValue(trimmed, out var many)) return many;
            return _first.TryGetValue(trimmed, out var one) ? new[] { one } : Empty;
        }
    }
}
