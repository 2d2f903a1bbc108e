using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>Splits lookup values into requests short enough for a URL or a filter, and runs them a few at a time.</summary>
    internal static class LookupChunks
    {
        /// <summary>Consecutive chunks of at most <paramref name="maxCount"/> values whose summed cost stays within <paramref name="maxCost"/> (one value alone may exceed it).</summary>
        public static List<List<string>> Split(IEnumerable<string> values, int maxCount, int maxCost, Func<string, int> cost)
        {
            var chunks = new List<List<string>>();
            var current = new List<string>();
            var used = 0;
            foreach (var value in values)
            {
                var size = cost(value);
                if (current.Count > 0 && (current.Count >= maxCount || used + size > maxCost))
                {
                    chunks.Add(current);
                    current = new List<string>();
                    used = 0;
                }
                current.Add(value);
                used += size;
            }
            if (current.Count > 0) chunks.Add(current);
            return chunks;
        }

        /// <summary>Every call, at most <paramref name="concurrency"/> in flight; the results in call order. The first failure fails the whole read.</summary>
        public static async Task<List<T>> RunAsync<T>(IReadOnlyList<Func<CancellationToken, Task<IReadOnlyList<T>>>> calls, int concurrency, CancellationToken cancellationToken)
        {
            using (var gate = new SemaphoreSlim(Math.Max(1, concurrency)))
            {
                async Task<IReadOnlyList<T>> One(Func<CancellationToken, Task<IReadOnlyList<T>>> call)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await call(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
                var results = await Task.WhenAll(calls.Select(One)).ConfigureAwait(false);
                return results.SelectMany(r => r).ToList();
            }
        }
    }
}
