namespace Cutout.Video;

/// <summary>
/// One finished clip. <see cref="Flicker"/> is <see cref="FlickerMeter"/>'s figure for the written mattes;
/// <see cref="ModelTime"/> is the network time summed over all frames.
/// </summary>
public sealed record VideoResult(string OutputPath, VideoFormat Format, int Frames, int Width, int Height, bool AudioKept,
                                 double Flicker, TimeSpan ModelTime, TimeSpan TotalTime)
{
    public double FramesPerSecond => Frames / Math.Max(TotalTime.TotalSeconds, 1e-6);
}
