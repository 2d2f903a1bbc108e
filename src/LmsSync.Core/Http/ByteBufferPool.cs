using System;
using System.Collections.Generic;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// A few large byte arrays kept for reuse, so receiving a list page (~700 KB, a large-object-heap allocation that
    /// costs a full collection sooner or later) does not allocate a new buffer per page. The module targets
    /// netstandard2.0 with no package but Newtonsoft.Json, so there is no ArrayPool; this is the part of one we need.
    /// Thread-safe: a read-ahead fills one buffer while the caller parses another. An array never returned is just
    /// collected.
    /// </summary>
    internal sealed class ByteBufferPool
    {
        private readonly Stack<byte[]> _free = new Stack<byte[]>();
        private readonly int _keep;

        public ByteBufferPool(int keep)
        {
            _keep = keep;
        }

        /// <summary>An array of at least <paramref name="minimumLength"/> bytes: the last one returned when it is long enough, else a new one.</summary>
        public byte[] Rent(int minimumLength)
        {
            lock (_free)
            {
                if (_free.Count > 0 && _free.Peek().Length >= minimumLength) return _free.Pop();
            }
            return new byte[Math.Max(minimumLength, 16 * 1024)];
        }

        /// <summary>Hands an array back; beyond the pool's limit it is left to the collector.</summary>
        public void Return(byte[] buffer)
        {
            lock (_free)
            {
                if (_free.Count < _keep) _free.Push(buffer);
            }
        }
    }
}
