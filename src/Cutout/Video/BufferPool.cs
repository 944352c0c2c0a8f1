using System.Collections.Concurrent;

namespace Cutout.Video;

/// <summary>
/// Reusable arrays of one length for the frames of a clip, so a frame's big buffers are allocated once per clip, not once
/// per frame. A buffer belongs to whoever rented it until it is returned; it must not be used after <see cref="Return"/>.
/// </summary>
sealed class BufferPool<T>(int length)
{
    readonly ConcurrentBag<T[]> _free = [];

    public int Length => length;

    public T[] Rent() => _free.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<T>(length);

    /// <summary>Takes the buffer back; one of another length (e.g. a matte the refine step replaced) is left to the GC.</summary>
    public void Return(T[] buffer)
    {
        if (buffer.Length == length) _free.Add(buffer);
    }
}
