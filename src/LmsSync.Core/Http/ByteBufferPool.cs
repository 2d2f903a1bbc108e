using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// A few large byte arrays kept for reuse, so receiving a list page (~700 KB, a large-object-heap allocation that
    /// costs a full collection sooner or later) does not allocate a new buffer per page. The module targets
    /// netstandard2.0 with no package but Newtonsoft.Json, so there is no ArrayPool; this is the part of one we need.
    /// Thread-safe: a read-ahead fills one buffer while the caller parses another. An array never returned is just
    /// collected. Lock-free (one slot per kept array, taken and filled by compare-and-swap): with 16 pages in flight on
    /// two busy cores, a thread preempted while holding a lock around the free list left the others spinning for it.
    /// </summary>
    internal sealed class ByteBufferPool
    {
        private readonly byte[]?[] _slots;

        public ByteBufferPool(int keep)
        {
            _slots = new byte[]?[Math.Max(keep, 1)];
        }

        /// <summary>An array of at least <paramref name="minimumLength"/> bytes: a kept one when one is long enough, else a new one.</summary>
        public byte[] Rent(int minimumLength)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                var kept = Volatile.Read(ref _slots[i]);
                if (kept != null && kept.Length >= minimumLength && Interlocked.CompareExchange(ref _slots[i], null, kept) == kept) return kept;
            }
            return new byte[Math.Max(minimumLength, 16 * 1024)];
        }

        /// <summary>
        /// A whole body into a rented array (give it back with <see cref="Return"/>), first sized by Content-Length when
        /// sent, to a power of two: pages differ by a few bytes, and the pool hands back only an array at least as long.
        /// Should the body fail midway, the array is given back and the failure thrown as it came.
        /// </summary>
        public async Task<(byte[] Buffer, int Length)> ReceiveAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            var expected = content?.Headers.ContentLength;
            var buffer = Rent(expected is long size && size < MaxSized ? PowerOfTwoAbove((int)size) : 0);
            if (content == null) return (buffer, 0);
            var length = 0;
            try
            {
                using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                        if (length < buffer.Length) continue;
                        var larger = Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        Return(buffer);
                        buffer = larger;
                    }
                }
            }
            catch
            {
                Return(buffer);
                throw;
            }
            return (buffer, length);
        }

        /// <summary>The largest Content-Length an array is sized by in advance (a larger body grows as it comes).</summary>
        private const int MaxSized = 1 << 30;

        private static int PowerOfTwoAbove(int size)
        {
            var power = 1;
            while (power <= size) power <<= 1;
            return power;
        }

        /// <summary>Hands an array back; beyond the pool's limit (every slot full) it is left to the collector.</summary>
        public void Return(byte[] buffer)
        {
            for (var i = 0; i < _slots.Length; i++)
                if (Volatile.Read(ref _slots[i]) == null && Interlocked.CompareExchange(ref _slots[i], buffer, null) == null) return;
        }
    }
}
