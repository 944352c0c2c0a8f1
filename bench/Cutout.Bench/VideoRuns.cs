using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cutout.Bench;

/// <summary>
/// `video`: `cutout remove clip.mp4` as a child process on a 720p and a 1080p clip (the sample photo panned and zoomed,
/// 30 frames/s, with a tone), for --model and --reference in the same run: frames/s, peak memory, flicker with and
/// without smoothing, and the size of each output format.
/// </summary>
static partial class VideoRuns
{
    /// <param name="CpuSecondsPerFrame">user + system time of `cutout` and its ffmpeg children over the whole run, per frame
    /// (start-up and model load included): on a shared machine, the figure that load does not inflate much.</param>
    public sealed record Run(string Model, string Clip, string Options, int Frames, double FramesPerSecond, double WallSeconds,
                             double CpuSecondsPerFrame, double PeakRssMb, double Flicker, long OutputBytes, int ExitCode)
    {
        /// <summary>Frames/s the run's CPU time allows on all cores of this machine if nothing else ran (perfect overlap assumed).</summary>
        public double IdleEstimate(int cores) => CpuSecondsPerFrame > 0 ? cores / CpuSecondsPerFrame : double.NaN;
    }

    static readonly (string Name, int Width, int Height)[] Clips = [("720p", 1280, 720), ("1080p", 1920, 1080)];

    public static List<Run> Measure(Options options, string repo, string work, IDictionary<string, string> env)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "video")).FullName;
        var runs = new List<Run>();
        if (options.VideoPart == "speed")
        {
            var (name, width, height) = Clips[0];
            var clip = MakeClip(folder, repo, name, width, height, options.VideoSeconds);
            runs.Add(Remove(options.Model, name, clip, folder, env));
            runs.Add(Remove(options.Model, name, clip, folder, env, "--no-smooth"));
            return runs;
        }
        var clips = Clips.Select(c => (c.Name, Path: MakeClip(folder, repo, c.Name, c.Width, c.Height, options.VideoSeconds))).ToList();
        foreach (var model in new[] { options.Model, options.Reference }.OfType<string>())
            foreach (var (name, path) in clips)
                runs.Add(Remove(model, name, path, folder, env));
        var (_, clip720) = clips[0];
        runs.Add(Remove(options.Model, "720p", clip720, folder, env, "--no-smooth"));
        runs.Add(Remove(options.Model, "720p", clip720, folder, env, "--format", "mov"));
        runs.Add(Remove(options.Model, "720p", clip720, folder, env, "--bg", "white"));
        runs.Add(Remove(options.Model, "720p", clip720, folder, env, "--mask"));
        return runs;
    }

    public static string MakeClip(string folder, string repo, string name, int width, int height, int seconds)
    {
        var path = Path.Combine(folder, $"astronaut-{name}-{seconds}s.mp4");
        if (File.Exists(path)) return path;
        var photo = Path.Combine(repo, "samples", "astronaut.png");
        var filter = $"[0:v]scale={width * 2}:{width * 2},crop={width * 2}:{height * 2},"
                     + $"zoompan=z='1+0.002*on':x='on*2':y='ih/2-(ih/zoom/2)':d=1:s={width}x{height}:fps=30,format=yuv420p[v]";
        Ffmpeg(["-v", "error", "-y", "-loop", "1", "-framerate", "30", "-i", photo, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-filter_complex", filter, "-map", "[v]", "-map", "1:a", "-t", $"{seconds}", "-c:v", "libx264", "-preset", "fast", "-crf", "20",
            "-c:a", "aac", path]);
        return path;
    }

    static Run Remove(string model, string clipName, string clip, string folder, IDictionary<string, string> env, params string[] extra)
    {
        var output = Path.Combine(folder, "out");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var clock = Stopwatch.StartNew();
        var cpuBefore = ReapedChildrenCpuSeconds();
        using var child = new Child(["remove", clip, "-o", output, "--model", model, .. extra], env);
        var code = child.Wait(TimeSpan.FromMinutes(30));
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ReapedChildrenCpuSeconds() - cpuBefore;
        var line = ResultLine().Match(child.StandardOutput);
        if (code != 0 || !line.Success) Console.Error.WriteLine($"  cutout remove {clip} exited {code}: {child.StandardError[^Math.Min(600, child.StandardError.Length)..]}");
        double Number(string group) => line.Success ? double.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture) : double.NaN;
        var bytes = Directory.Exists(output) ? Directory.GetFiles(output).Sum(f => new FileInfo(f).Length) : 0;
        var run = new Run(model, clipName, extra.Length == 0 ? "(defaults: webm)" : string.Join(' ', extra), (int)Number("frames"),
            Number("fps"), wall, cpu / Math.Max(Number("frames"), 1), child.PeakRssKb / 1024.0, Number("flicker"), bytes, code);
        Console.WriteLine($"  {run.Model} {run.Clip} {run.Options}: {run.FramesPerSecond:F2} frames/s, {run.CpuSecondsPerFrame:F3} CPU s/frame, " +
                          $"peak {run.PeakRssMb:F0} MB, flicker {run.Flicker:F2}, {run.OutputBytes / 1e6:F2} MB");
        return run;
    }

    /// <summary>cutime + cstime of this process (/proc/self/stat): CPU time of every child it has waited for, and of theirs.</summary>
    public static double ReapedChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 of stat(5), counted from the state (field 3) at index 0, in clock ticks (100 a second on Linux).
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
    }

    [GeneratedRegex(@"\((?<frames>\d+) frames \d+x\d+, (?<fps>[\d.]+) frames/s, flicker (?<flicker>[\d.]+)")]
    private static partial Regex ResultLine();

    static void Ffmpeg(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed: " + errors);
    }

    public static string Report(List<Run> runs, MachineLimit.Cpu cpu, Options options, TimeSpan took)
    {
        var md = new StringBuilder();
        var part = options.VideoPart == "speed" ? $" --video-part speed --label {options.Label}" : "";
        md.AppendLine($"### Video (`dotnet Cutout.Bench.dll video{part}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:F1} min)");
        if (options.Cli is { } cli) md.AppendLine($"\n`cutout` of another build: `{cli}`.");
        md.AppendLine();
        md.AppendLine($"{cpu.Model}, {cpu.Cores} cores, load average at start {cpu.LoadAverage}. Clip: `samples/astronaut.png` panned and zoomed, " +
                      $"{options.VideoSeconds} s at 30 frames/s with an AAC tone, H.264. `cutout remove clip.mp4` as a child process; frames/s is its own " +
                      "figure (decode, model, smoothing, render, encode; after start-up and model load), peak memory its VmHWM. " +
                      "The machine is shared (see the load), so wall-clock frames/s understate it: CPU s/frame is the user + system time of " +
                      $"`cutout` and its ffmpeg children per frame, and \"idle est.\" = {cpu.Cores} cores / CPU s per frame, what the same work allows " +
                      "when nothing else runs (an upper bound: it assumes the stages overlap perfectly).");
        md.AppendLine();
        md.AppendLine("| model | clip | options | frames | frames/s | CPU s/frame | idle est. frames/s | wall s | peak MB | flicker (levels) | output MB |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            md.AppendLine($"| {r.Model} | {r.Clip} | {r.Options} | {r.Frames} | {r.FramesPerSecond:F2} | {r.CpuSecondsPerFrame:F3} | {r.IdleEstimate(cpu.Cores):F1} | " +
                          $"{r.WallSeconds:F1} | {r.PeakRssMb:F0} | {r.Flicker:F2} | {r.OutputBytes / 1e6:F2} |");
        md.AppendLine();
        if (options.Reference is { } reference)
            foreach (var clip in Clips.Select(c => c.Name))
            {
                var ours = runs.First(r => r.Model == options.Model && r.Clip == clip);
                var theirs = runs.FirstOrDefault(r => r.Model == reference && r.Clip == clip);
                if (theirs is { FramesPerSecond: > 0, CpuSecondsPerFrame: > 0 })
                    md.AppendLine($"- {clip}: {options.Model} {ours.FramesPerSecond / theirs.FramesPerSecond:F1}x the frames/s of {reference}, " +
                                  $"{theirs.CpuSecondsPerFrame / ours.CpuSecondsPerFrame:F1}x less CPU time per frame.");
            }
        return md.ToString();
    }
}
