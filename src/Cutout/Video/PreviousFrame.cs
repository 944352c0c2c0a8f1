namespace Cutout.Video;

/// <summary>Copies of the last frame's buffers for the steps that compare frames, so the pipeline may reuse its own.</summary>
static class PreviousFrame
{
    /// <summary><paramref name="values"/> copied into <paramref name="kept"/> (a new array the first time or when the size changes).</summary>
    public static T[] Keep<T>(T[]? kept, ReadOnlySpan<T> values)
    {
        if (kept is null || kept.Length != values.Length) kept = new T[values.Length];
        values.CopyTo(kept);
        return kept;
    }
}
