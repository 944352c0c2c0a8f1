namespace Cutout.Video;

/// <summary>
/// What ffprobe says about a clip. <see cref="Width"/> and <see cref="Height"/> are the displayed size, after the
/// rotation in the metadata (frames are decoded upright). <see cref="FrameRate"/> is ffmpeg's rational, e.g. "30000/1001".
/// </summary>
public sealed record VideoInfo(
    int Width,
    int Height,
    int Rotation,
    string FrameRate,
    double FramesPerSecond,
    TimeSpan Duration,
    int EstimatedFrames,
    string VideoCodec,
    string? AudioCodec)
{
    public bool HasAudio => AudioCodec != null;
}
