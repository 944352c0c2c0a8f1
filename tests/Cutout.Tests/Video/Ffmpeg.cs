using System.Diagnostics;
using System.Text.Json;

namespace Cutout.Tests.Video;

/// <summary>ffmpeg and ffprobe run directly by the tests, to make clips and to check what `cutout` wrote.</summary>
public static class Ffmpeg
{
    public static bool Installed => OnPath("ffmpeg") && OnPath("ffprobe");

    public static void Run(params string[] args)
    {
        var (exit, _, errors) = Start("ffmpeg", ["-v", "error", "-y", .. args]);
        if (exit != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {errors}");
    }

    /// <summary>ffprobe's streams and format as JSON.</summary>
    public static JsonElement Probe(string path)
    {
        var (exit, json, errors) = Start("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", "-count_frames", path]);
        if (exit != 0) throw new InvalidOperationException($"ffprobe {path} failed: {errors}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static JsonElement Stream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == type);

    public static bool HasStream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Any(s => s.GetProperty("codec_type").GetString() == type);

    public static string Text(JsonElement element, string name) => element.GetProperty(name).ToString();

    public static double Duration(JsonElement probe) => double.Parse(Text(probe.GetProperty("format"), "duration"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every frame decoded to raw pixels (pixFmt "rgba" or "gray"); VP9 needs libvpx's decoder to read its alpha.</summary>
    public static List<byte[]> Frames(string path, int width, int height, string pixFmt, string? decoder = null)
    {
        var bytesPerPixel = pixFmt == "gray" ? 1 : 4;
        var args = new List<string> { "-v", "error" };
        if (decoder != null) args.AddRange(["-c:v", decoder]);
        args.AddRange(["-i", path, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", pixFmt, "pipe:1"]);
        var (exit, raw, errors) = StartBinary("ffmpeg", args);
        if (exit != 0) throw new InvalidOperationException($"decoding {path} failed: {errors}");
        var size = width * height * bytesPerPixel;
        return [.. Enumerable.Range(0, raw.Length / size).Select(i => raw.AsSpan(i * size, size).ToArray())];
    }

    /// <summary>MD5 of the first audio stream's packets, copied out without decoding: equal means the audio is unchanged.</summary>
    public static string AudioPackets(string path)
    {
        var (exit, md5, errors) = Start("ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-c", "copy", "-f", "md5", "pipe:1"]);
        if (exit != 0) throw new InvalidOperationException($"reading the audio of {path} failed: {errors}");
        return md5.Trim();
    }

    static (int Exit, string Stdout, string Stderr) Start(string binary, IEnumerable<string> args)
    {
        var (exit, stdout, stderr) = StartBinary(binary, args);
        return (exit, System.Text.Encoding.UTF8.GetString(stdout), stderr);
    }

    static (int Exit, byte[] Stdout, string Stderr) StartBinary(string binary, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill();
        return (process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, name)));
}
