using System.Globalization;
using System.Text.Json;

namespace Cutout.Video;

/// <summary>Reads a clip's streams with ffprobe (JSON); no frame is decoded.</summary>
public static class VideoProbe
{
    public static VideoInfo Probe(string path, long maxPixels = Photo.DefaultMaxPixels)
    {
        if (!File.Exists(path)) throw new CutoutException(CutoutErrorKind.Io, $"{path}: no such file.");
        var (exit, json, errors) = FfmpegProcess.RunToEnd(FfmpegTools.Ffprobe,
            ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", "--", path]);
        if (exit != 0)
            throw new CutoutException(CutoutErrorKind.NotAnImage, $"Not a readable video (ffprobe: {errors}).");
        return Parse(json, maxPixels);
    }

    internal static VideoInfo Parse(string json, long maxPixels)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsCoverArt(x));
        if (video.ValueKind != JsonValueKind.Object)
            throw new CutoutException(CutoutErrorKind.NotAnImage, "The file has no video stream.");
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");

        var (codedWidth, codedHeight) = (Int(video, "width"), Int(video, "height"));
        if (codedWidth <= 0 || codedHeight <= 0)
            throw new CutoutException(CutoutErrorKind.BadImage, "The video stream has no frame size.");
        if ((long)codedWidth * codedHeight > maxPixels)
            throw new CutoutException(CutoutErrorKind.TooLarge,
                $"The video is {codedWidth}x{codedHeight} ({(long)codedWidth * codedHeight:N0} pixels a frame); the limit is {maxPixels:N0} pixels.");
        var rotation = Rotation(video);
        var (width, height) = Math.Abs(rotation) % 180 == 90 ? (codedHeight, codedWidth) : (codedWidth, codedHeight);

        var rate = FrameRate(video);
        var fps = Ratio(rate);
        if (!(fps > 0 && fps < 1000))
            throw new CutoutException(CutoutErrorKind.BadImage, $"The video has no usable frame rate ({rate}).");
        var seconds = Double(video, "duration") ?? (root.TryGetProperty("format", out var f) ? Double(f, "duration") : null) ?? 0;
        var frames = Int(video, "nb_frames") is > 0 and var n ? n : (int)Math.Round(seconds * fps);
        return new VideoInfo(width, height, rotation, rate, fps, TimeSpan.FromSeconds(seconds), frames,
            Text(video, "codec_name") ?? "unknown", audio.ValueKind == JsonValueKind.Object ? Text(audio, "codec_name") ?? "unknown" : null);
    }

    // An MP3's album art is a "video" stream of one picture; it is not a clip.
    static bool IsCoverArt(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    /// <summary>The average rate when it is sane (it follows dropped and variable frames), else the base rate.</summary>
    static string FrameRate(JsonElement video)
    {
        var average = Text(video, "avg_frame_rate");
        return Ratio(average) is > 0 and < 1000 ? average! : Text(video, "r_frame_rate") ?? "0/0";
    }

    static int Rotation(JsonElement video)
    {
        if (video.TryGetProperty("side_data_list", out var sides))
            foreach (var side in sides.EnumerateArray())
                if (side.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                    return r.GetInt32();
        return video.TryGetProperty("tags", out var tags) && Int(tags, "rotate") is var t ? -t : 0;
    }

    static double Ratio(string? rational)
    {
        if (rational is null) return 0;
        var parts = rational.Split('/');
        if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var a)
            || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var b) || b == 0) return 0;
        return a / b;
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    static int Int(JsonElement element, string name) =>
        Text(element, name) is { } t && int.TryParse(t, CultureInfo.InvariantCulture, out var i) ? i : 0;

    static double? Double(JsonElement element, string name) =>
        Text(element, name) is { } t && double.TryParse(t, CultureInfo.InvariantCulture, out var d) ? d : null;
}
