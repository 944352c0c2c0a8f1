namespace Cutout.Video;

/// <summary>ffmpeg's output arguments for each format: video codec and pixel format, audio copied when the container takes it.</summary>
static class EncoderSettings
{
    public static string Muxer(VideoFormat format) => format switch
    {
        VideoFormat.WebM => "webm",
        VideoFormat.Mov => "mov",
        VideoFormat.Mp4 => "mp4",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static IEnumerable<string> Video(VideoFormat format, bool transparent) => format switch
    {
        // Realtime deadline: the encoder must keep up with the model on a small CPU; alpha travels as a second VP9 layer.
        // No look-ahead: realtime does not use it (the frames come out identical), but its 25 frame buffers cost start-up time.
        VideoFormat.WebM => ["-c:v", "libvpx-vp9", "-pix_fmt", transparent ? "yuva420p" : "yuv420p",
            "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-lag-in-frames", "0", "-crf", "30", "-b:v", "0"],
        VideoFormat.Mov => transparent
            ? ["-c:v", "prores_ks", "-profile:v", "4444", "-pix_fmt", "yuva444p10le", "-vendor", "apl0"]
            : ["-c:v", "prores_ks", "-profile:v", "3", "-pix_fmt", "yuv422p10le", "-vendor", "apl0"],
        VideoFormat.Mp4 => ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "18", "-movflags", "+faststart"],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Copy the audio unchanged when the container can hold its codec; otherwise re-encode to the container's usual codec.</summary>
    public static IEnumerable<string> Audio(VideoFormat format, string codec) =>
        CanCopy(format, codec) ? ["-c:a", "copy"]
        : format == VideoFormat.WebM ? ["-c:a", "libopus", "-b:a", "160k"]
        : ["-c:a", "aac", "-b:a", "192k"];

    public static bool CanCopy(VideoFormat format, string codec) => format switch
    {
        VideoFormat.WebM => codec is "opus" or "vorbis",
        VideoFormat.Mp4 => codec is "aac" or "mp3" or "ac3" or "eac3" or "alac" or "flac" or "opus",
        VideoFormat.Mov => codec is "aac" or "mp3" or "ac3" or "alac" or "pcm_s16le" or "pcm_s24le" or "pcm_s16be" or "pcm_s24be" or "pcm_f32le",
        _ => false,
    };
}
