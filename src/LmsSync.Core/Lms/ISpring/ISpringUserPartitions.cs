using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// How a whole-account user read is split into token chains that run at the same time: by department
    /// (<c>departments[]=</c> on <c>/users/v2</c>; every user has exactly one department, lms-apis.md §2.2). One chain per
    /// department while there are no more departments than chains allowed; beyond that, the departments are dealt
    /// round-robin into that many chains. Their sizes are unknown before reading, so dealing (rather than packing
    /// neighbours) spreads many small departments evenly; one large department is a chain's worth whatever we do.
    /// More chains are used when the filters would otherwise make a request's URL longer than the budget.
    /// </summary>
    internal static class ISpringUserPartitions
    {
        /// <summary>The departments of each chain, in the order given (the first department leads the first chain).</summary>
        public static List<List<string>> Split(IReadOnlyList<string> departmentIds, int maxChains, int urlBudget)
        {
            if (departmentIds.Count == 0) return new List<List<string>>();
            var byBudget = (int)Math.Ceiling(departmentIds.Sum(FilterLength) / (double)Math.Max(1, urlBudget));
            var count = Math.Min(departmentIds.Count, Math.Max(Math.Min(Math.Max(1, maxChains), departmentIds.Count), byBudget));
            var chains = Enumerable.Range(0, count).Select(_ => new List<string>()).ToList();
            for (var i = 0; i < departmentIds.Count; i++) chains[i % count].Add(departmentIds[i]);
            return chains;
        }

        /// <summary>Characters one department adds to a request: <c>&amp;departments%5B%5D=</c> and the escaped id.</summary>
        public static int FilterLength(string departmentId) => "&departments%5B%5D=".Length + Uri.EscapeDataString(departmentId).Length;
    }
}
