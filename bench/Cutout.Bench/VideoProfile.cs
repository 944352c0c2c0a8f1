using System.Diagnostics;
using System.Text;
using Cutout.Video;

namespace Cutout.Bench;

/// <summary>
/// `video-profile`: where the CPU time of one 720p frame goes. The steps of `cutout remove clip.mp4` (defaults) run one
/// after another on this thread, each timed by the process's CPU time (user + system, all threads), so the figures hold
/// on a loaded machine; ffmpeg's decode and VP9 encode are timed as child processes on the same clip.
/// </summary>
static class VideoProfile
{
    public sealed record Step(string Name, double CpuMs);

    const int Frames = 20;

    public static List<Step> Measure(Options options, string repo, string work)
    {
        var clip = VideoRuns.MakeClip(Directory.CreateDirectory(Path.Combine(work, "video")).FullName, repo, "720p", 1280, 720, options.VideoSeconds);
        var info = VideoProbe.Probe(clip);
        var rgbaFrames = DecodeFrames(clip, info.Width, info.Height, Frames);
        using var remover = BackgroundRemover.Load(options.Model, intraOpThreads: 1);
        var spec = remover.Spec;
        var tensor = new float[3 * spec.Width * spec.Height];
        var smoother = new TemporalSmoother();
        var meter = new FlickerMeter();
        var totals = new Dictionary<string, double>();
        var frameOptions = new RemoveOptions();

        void Time(string name, Action step)
        {
            var before = ProcessCpuMs();
            step();
            var spent = ProcessCpuMs() - before;
            totals[name] = totals.GetValueOrDefault(name) + spent;
        }

        // The clip's frames go through twice: the first pass is not counted (the model's arena, the JIT's optimised code).
        foreach (var (rgba, index) in rgbaFrames.Concat(rgbaFrames).Select((f, i) => (f, i)))
        {
            if (index == Frames) totals.Clear();
            Photo photo = null!;
            byte[] luma = null!;
            AlphaMatte matte = null!;
            Time("photo (transparency scan)", () => photo = new Photo(info.Width, info.Height, rgba));
            Time("luma", () => luma = FrameLuma.Of(rgba));
            Time("model input (area resize, normalise)", () => ModelInput.Fill(photo, spec, tensor));
            Time("model + input + matte upscale", () => matte = remover.PredictAlpha(photo));
            Time("matte upscale (bilinear to 1280x720)", () => MatteResize.Bilinear(new float[spec.Width * spec.Height], spec.Width, spec.Height, info.Width, info.Height));
            Time("smoothing", () => smoother.Apply(luma, matte));
            Time("matte pipeline (edge band, clean alpha)", () => matte = MattePipeline.Apply(photo, matte, frameOptions, spec));
            Time("render (straight-alpha RGBA)", () => OutputRenderer.Pixels(photo, matte, frameOptions));
            Time("flicker meter", () => meter.Add(luma, matte.Values));
        }
        var steps = totals.Select(t => new Step(t.Key, t.Value / Frames)).ToList();
        var model = steps.First(s => s.Name.StartsWith("model +"));
        var input = steps.First(s => s.Name.StartsWith("model input"));
        var upscale = steps.First(s => s.Name.StartsWith("matte upscale"));
        steps[steps.IndexOf(model)] = new Step("model (ONNX Runtime, 1 thread)", model.CpuMs - input.CpuMs - upscale.CpuMs);

        var (decode, encode) = FfmpegCosts(clip, info, work);
        steps.Insert(0, new Step("ffmpeg decode to RGBA", decode));
        steps.Add(new Step("ffmpeg VP9 encode with alpha", encode));
        return steps;
    }

    /// <summary>User + system time of this process in milliseconds, at microsecond resolution (getrusage; /proc ticks are 10 ms).</summary>
    static double ProcessCpuMs()
    {
        if (GetResourceUsage(0, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The rest of struct rusage (14 longs) is not read.
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    static extern int GetResourceUsage(int who, out ResourceUsage usage);

    static List<byte[]> DecodeFrames(string clip, int width, int height, int count)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-i", clip, "-frames:v", $"{count}", "-f", "rawvideo", "-pix_fmt", "rgba", "pipe:1" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var frames = new List<byte[]>();
        var stream = process.StandardOutput.BaseStream;
        for (var i = 0; i < count; i++)
        {
            var frame = new byte[width * height * 4];
            stream.ReadExactly(frame);
            frames.Add(frame);
        }
        process.WaitForExit();
        return frames;
    }

    /// <summary>CPU ms a frame of ffmpeg decoding the clip to RGBA, and of encoding RGBA to VP9 with alpha as `cutout` does.</summary>
    static (double Decode, double Encode) FfmpegCosts(string clip, VideoInfo info, string work)
    {
        var frames = info.EstimatedFrames;
        var decodeOnly = ChildCpuSeconds(["-v", "error", "-i", clip, "-an", "-f", "rawvideo", "-pix_fmt", "rgba", "-y", "/dev/null"]);
        var webm = Path.Combine(work, "video", "profile.webm");
        var decodeAndEncode = ChildCpuSeconds(["-v", "error", "-i", clip, "-an", "-vf", "format=rgba",
            .. EncoderSettings.Video(VideoFormat.WebM, transparent: true), "-f", "webm", "-y", webm]);
        return (decodeOnly * 1000 / frames, (decodeAndEncode - decodeOnly) * 1000 / frames);
    }

    static double ChildCpuSeconds(string[] args)
    {
        var before = VideoRuns.ReapedChildrenCpuSeconds();
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return VideoRuns.ReapedChildrenCpuSeconds() - before;
    }

    public static string Report(List<Step> steps, MachineLimit.Cpu cpu, Options options)
    {
        var md = new StringBuilder();
        md.AppendLine($"### Video profile (`dotnet Cutout.Bench.dll video-profile`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine($"{cpu.Model}, {cpu.Cores} cores, load average at start {cpu.LoadAverage}. One 720p frame of the bench clip " +
                      $"(model `{options.Model}`, default options: clean alpha, transparent WebM), each step alone on one thread after a first, " +
                      $"uncounted pass over the {Frames} frames, timed by process CPU time (steps that split rows over the cores count all of them); ffmpeg as child processes.");
        md.AppendLine();
        md.AppendLine("| step | CPU ms a frame | share |");
        md.AppendLine("|---|---:|---:|");
        var total = steps.Sum(s => s.CpuMs);
        foreach (var s in steps) md.AppendLine($"| {s.Name} | {s.CpuMs:F1} | {s.CpuMs / total:P0} |");
        md.AppendLine($"| total | {total:F1} | |");
        return md.ToString();
    }
}
