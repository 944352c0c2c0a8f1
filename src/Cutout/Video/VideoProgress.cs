namespace Cutout.Video;

/// <summary>Frames written so far of about <see cref="TotalFrames"/> (from the container; 0 when unknown).</summary>
public sealed record VideoProgress(int FramesDone, int TotalFrames, double FramesPerSecond, TimeSpan Elapsed)
{
    public TimeSpan? Remaining => TotalFrames > FramesDone && FramesPerSecond > 0
        ? TimeSpan.FromSeconds((TotalFrames - FramesDone) / FramesPerSecond)
        : null;
}
