using Cutout.Video;

namespace Cutout.Cli;

/// <summary>
/// The video-only part of `cutout remove`: `--format webm|mov|mp4|png-seq` and `--no-smooth`, taken out of the command
/// line before the photo options are parsed; every other option means the same for each frame as for a photo.
/// </summary>
sealed record VideoArgs(VideoFormat? Format, bool Smooth)
{
    public const string Usage = """

        Videos (MP4, MOV, WebM, MKV, AVI, ...; needs ffmpeg): every frame is cut out with the same options, the matte is
        smoothed over time, audio is copied, frame rate, size and duration are kept. Output DIR/<stem>.<format>.
          --format webm        transparent VP9 with alpha (default without --bg)
          --format mov         transparent ProRes 4444
          --format mp4         H.264 (default with --bg or --mask; needs --bg or --mask)
          --format png-seq     a folder DIR/<stem>/ of frame-000001.png, ... (no audio)
          --mask               the matte as a greyscale video
          --no-smooth          no temporal smoothing (each frame's matte as the model gives it)
        Ctrl+C stops cleanly: the half-done video is deleted, earlier outputs stay.
        """;

    public static (string[] PhotoArgs, VideoArgs Video) Extract(string[] args)
    {
        var rest = new List<string>();
        VideoFormat? format = null;
        var smooth = true;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-smooth") smooth = false;
            else if (args[i] == "--format" && i + 1 < args.Length && VideoFormats.Parse(args[i + 1]) is { } f) { format = f; i++; }
            else rest.Add(args[i]);
        }
        return ([.. rest], new VideoArgs(format, smooth));
    }

    public VideoOptions For(RemoveOptions frame) => new() { Frame = frame with { Format = OutputFormat.Png }, Format = Format, Smooth = Smooth };

    /// <summary>Videos by extension, and the rest (photos).</summary>
    public static (List<InputFile> Videos, List<InputFile> Photos) Split(IEnumerable<InputFile> inputs)
    {
        var videos = new List<InputFile>();
        var photos = new List<InputFile>();
        foreach (var input in inputs) (VideoFormats.IsVideoPath(input.Path) ? videos : photos).Add(input);
        return (videos, photos);
    }
}
