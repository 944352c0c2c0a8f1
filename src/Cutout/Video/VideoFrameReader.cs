namespace Cutout.Video;

/// <summary>
/// Decodes a clip's first video stream to upright RGBA8 frames, read one by one from ffmpeg's stdout
/// (rotation metadata is applied by ffmpeg; every decoded frame comes out once, none duplicated or dropped).
/// </summary>
sealed class VideoFrameReader : IDisposable
{
    readonly FfmpegProcess _ffmpeg;
    readonly string _path;
    readonly int _frameBytes;

    public VideoFrameReader(string path, VideoInfo info)
    {
        _path = path;
        _frameBytes = info.Width * info.Height * 4;
        _ffmpeg = new FfmpegProcess(FfmpegTools.Ffmpeg,
        [
            "-v", "error", "-nostdin", "-i", path,
            "-map", "0:v:0", "-an", "-sn", "-dn", "-fps_mode", "passthrough",
            "-f", "rawvideo", "-pix_fmt", "rgba", "pipe:1",
        ]);
    }

    public int FrameBytes => _frameBytes;

    /// <summary>
    /// Fills <paramref name="frame"/> (<see cref="FrameBytes"/> long) with the next frame; false at the end of the clip.
    /// A clip that ends inside a frame or fails to decode throws.
    /// </summary>
    public bool Next(byte[] frame)
    {
        if (frame.Length != _frameBytes) throw new ArgumentException($"A frame is {_frameBytes} bytes, not {frame.Length}.");
        var filled = 0;
        while (filled < frame.Length)
        {
            var read = _ffmpeg.Output.Read(frame, filled, frame.Length - filled);
            if (read == 0) break;
            filled += read;
        }
        if (filled == frame.Length) return true;
        var exit = _ffmpeg.WaitForExit();
        if (exit != 0)
            throw new CutoutException(CutoutErrorKind.BadImage, $"The video could not be decoded ({_ffmpeg.ErrorSummary}).");
        if (filled != 0)
            throw new CutoutException(CutoutErrorKind.BadImage, "The video ends inside a frame: it is truncated.");
        return false;
    }

    /// <summary>What ffmpeg complained about while decoding (damaged or missing data), if anything.</summary>
    public string? Complaints => _ffmpeg.ErrorSummary is var s && s != "no message" ? s : null;

    public override string ToString() => _path;

    public void Dispose() => _ffmpeg.Dispose();
}
