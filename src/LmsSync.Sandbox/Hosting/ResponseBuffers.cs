using System.Buffers;
using System.Collections.Concurrent;

namespace LmsSync.Sandbox.Hosting;

/// <summary>
/// Buffers that answers are written into before they go out with a known <c>Content-Length</c>, reused: a fresh one
/// grew from 256 bytes by doubling through every 700 KB page (eight copies, four of them large-object allocations),
/// a cost the client's read waited on. At most one per answer being written at once.
/// </summary>
internal static class ResponseBuffers
{
    /// <summary>Larger buffers are not kept (one odd answer should not pin its memory for the Sandbox's life).</summary>
    private const int KeptCapacity = 4 * 1024 * 1024;

    private static readonly ConcurrentBag<ArrayBufferWriter<byte>> Kept = new();

    public static ArrayBufferWriter<byte> Rent() => Kept.TryTake(out var kept) ? kept : new ArrayBufferWriter<byte>(64 * 1024);

    /// <summary>Takes the buffer back once its bytes are written out.</summary>
    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        if (buffer.Capacity <= KeptCapacity) Kept.Add(buffer);
    }
}
