namespace Cutout.Video;

/// <summary>Finds the ffmpeg and ffprobe binaries: CUTOUT_FFMPEG / CUTOUT_FFPROBE, else the PATH.</summary>
public static class FfmpegTools
{
    public static string Ffmpeg => Find("ffmpeg", "CUTOUT_FFMPEG");

    public static string Ffprobe => Find("ffprobe", "CUTOUT_FFPROBE");

    static string Find(string name, string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
            return File.Exists(configured)
                ? configured
                : throw Missing(name, $"{variable} names {configured}, which does not exist");
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw Missing(name, "it is not on the PATH");
    }

    static CutoutException Missing(string name, string why) =>
        new(CutoutErrorKind.Io, $"Video needs {name}, but {why}: install it (Debian: apt-get install ffmpeg) or set CUTOUT_{name.ToUpperInvariant()}.");
}
