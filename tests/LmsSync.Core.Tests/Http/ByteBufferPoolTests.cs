using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;

namespace LmsSync.Core.Tests.Http;

/// <summary>The pool of receive buffers (<see cref="ByteBufferPool"/>): what it keeps, what it hands out, and never one array to two renters.</summary>
public sealed class ByteBufferPoolTests
{
    [Fact]
    public void It_keeps_as_many_arrays_as_told_and_hands_out_only_one_long_enough()
    {
        var pool = new ByteBufferPool(2);
        byte[] small = new byte[100], large = new byte[200], extra = new byte[300];
        pool.Return(small);
        pool.Return(large);
        pool.Return(extra); // beyond the two kept: left to the collector

        Assert.Same(large, pool.Rent(150));
        var fresh = pool.Rent(150);
        Assert.True(fresh != small && fresh != extra && fresh.Length >= 16 * 1024);
        Assert.Same(small, pool.Rent(50));
        Assert.NotSame(small, pool.Rent(50));
    }

    [Fact]
    public async Task An_array_is_never_held_by_two_renters_at_once()
    {
        var pool = new ByteBufferPool(4);
        var held = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var overlaps = 0;
        using var start = new Barrier(8);
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 20_000; i++)
            {
                var buffer = pool.Rent(1 + i % 3 * 20_000);
                lock (held)
                    if (!held.Add(buffer)) overlaps++;
                lock (held) held.Remove(buffer);
                pool.Return(buffer);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        Assert.Equal(0, overlaps);
    }
}
