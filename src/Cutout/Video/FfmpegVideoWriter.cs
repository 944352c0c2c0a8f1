namespace Cutout.Video;

/// <summary>
/// Encodes raw frames piped to ffmpeg's stdin into a hidden temporary file beside the output, with the source's audio
/// track, and renames it over the output once ffmpeg has finished cleanly.
/// </summary>
sealed class FfmpegVideoWriter : IFrameSink
{
    readonly FfmpegProcess _ffmpeg;
    readonly string _temporary, _output;
    bool _completed;

    /// <param name="gray">frames are 1 byte a pixel (the matte), else straight-alpha RGBA.</param>
    public FfmpegVideoWriter(string source, VideoInfo info, string output, VideoFormat format, bool gray, bool transparent)
    {
        _output = Path.GetFullPath(output);
        _temporary = TemporaryPath.Beside(_output);
        List<string> args =
        [
            "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", gray ? "gray" : "rgba", "-video_size", $"{info.Width}x{info.Height}",
            "-framerate", info.FrameRate, "-i", "pipe:0",
        ];
        if (info.AudioCodec is { } audio)
            args.AddRange(["-i", source, "-map", "0:v:0", "-map", "1:a:0", .. EncoderSettings.Audio(format, audio)]);
        else
            args.AddRange(["-map", "0:v:0"]);
        args.AddRange(EncoderSettings.Video(format, transparent));
        args.AddRange(["-f", EncoderSettings.Muxer(format), _temporary]);
        _ffmpeg = new FfmpegProcess(FfmpegTools.Ffmpeg, args);
    }

    public void Write(byte[] pixels)
    {
        try { _ffmpeg.Input.Write(pixels); }
        catch (IOException e)
        {
            _ffmpeg.WaitForExit();
            throw new CutoutException(CutoutErrorKind.Io, $"The video encoder stopped ({_ffmpeg.ErrorSummary}).", e);
        }
    }

    public void Complete()
    {
        try { _ffmpeg.Input.Close(); }
        catch (IOException) { }
        if (_ffmpeg.WaitForExit() != 0)
            throw new CutoutException(CutoutErrorKind.Io, $"The video encoder failed ({_ffmpeg.ErrorSummary}).");
        File.Move(_temporary, _output, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        _ffmpeg.Dispose();
        if (!_completed)
            try { File.Delete(_temporary); } catch (IOException) { }
    }
}
