namespace Cutout.Video;

/// <summary>Video outputs: transparent WebM (VP9, yuva420p), transparent MOV (ProRes 4444), opaque MP4 (H.264), PNG frames.</summary>
public enum VideoFormat { WebM, Mov, Mp4, PngSequence }

public static class VideoFormats
{
    /// <summary>What "--format" names for videos; null when the name is not a video format.</summary>
    public static VideoFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "webm" => VideoFormat.WebM,
        "mov" or "prores" => VideoFormat.Mov,
        "mp4" or "h264" => VideoFormat.Mp4,
        "png-seq" or "png-sequence" or "pngseq" => VideoFormat.PngSequence,
        _ => null,
    };

    /// <summary>A file extension, or "" for a PNG sequence (a folder).</summary>
    public static string Extension(VideoFormat format) => format switch
    {
        VideoFormat.WebM => ".webm",
        VideoFormat.Mov => ".mov",
        VideoFormat.Mp4 => ".mp4",
        _ => "",
    };

    /// <summary>The extensions that are taken as videos when folders and globs are walked.</summary>
    public static IReadOnlySet<string> InputExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts", ".wmv", ".flv", ".3gp", ".ogv", ".y4m" };

    public static bool IsVideoPath(string path) => InputExtensions.Contains(Path.GetExtension(path));
}
