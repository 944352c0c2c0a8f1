using System.Diagnostics;

namespace Cutout.Bench;

/// <summary>`cutout remove` as users run it: a folder batch (images/s) and one 12 MP photo (peak resident memory).</summary>
static class CliRuns
{
    public sealed record Batch(string Model, int Images, int Threads, double WallSeconds, int ExitCode, int Outputs)
    {
        public double ImagesPerSecond => Images / WallSeconds;
    }

    public sealed record Memory(string Model, string Options, double PeakRssMb, double WallSeconds, int ExitCode);

    public static Batch Folder(string model, string folder, int count, int threads, string workDir, IDictionary<string, string> env)
    {
        var output = Path.Combine(workDir, $"out-{Sanitize(model)}-t{threads}");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var inputs = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Take(count).ToArray();
        string input;
        if (inputs.Length == Directory.GetFiles(folder).Length) input = folder;
        else
        {
            input = Path.Combine(workDir, $"subset-{count}");
            if (Directory.Exists(input)) Directory.Delete(input, recursive: true);
            Directory.CreateDirectory(input);
            foreach (var f in inputs) File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }
        var clock = Stopwatch.StartNew();
        using var child = new Child(["remove", input, "-o", output, "--model", model, "--threads", threads.ToString()], env);
        var code = child.Wait(TimeSpan.FromMinutes(20));
        var wall = clock.Elapsed.TotalSeconds;
        var written = Directory.Exists(output) ? Directory.GetFiles(output, "*.png", SearchOption.AllDirectories).Length : 0;
        if (code != 0) Console.Error.WriteLine($"  cutout remove exited {code}: {Tail(child.StandardError)}");
        return new Batch(model, inputs.Length, threads, wall, code, written);
    }

    public static Memory PeakMemory(string model, string image, string[] options, string workDir, IDictionary<string, string> env)
    {
        var output = Path.Combine(workDir, $"mem-{Sanitize(model)}");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var clock = Stopwatch.StartNew();
        using var child = new Child(["remove", image, "-o", output, "--model", model, .. options], env);
        var code = child.Wait(TimeSpan.FromMinutes(10));
        if (code != 0) Console.Error.WriteLine($"  cutout remove exited {code}: {Tail(child.StandardError)}");
        return new Memory(model, options.Length == 0 ? "(defaults)" : string.Join(' ', options), child.PeakRssKb / 1024.0,
            clock.Elapsed.TotalSeconds, code);
    }

    static string Sanitize(string model) => new(model.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    static string Tail(string text) => text.Length > 600 ? text[^600..] : text;
}
