using Xunit;

namespace Cutout.Tests.Robustness;

/// <summary>SIGKILL `cutout remove` in the middle of a folder, run it again: no partial outputs, done ones skipped.</summary>
public sealed class CliKillResumeTests : IDisposable
{
    const int Images = 60;
    readonly TempFolder _root = new("cutout-cli-kill-");

    [Fact]
    public void Killed_midway_then_rerun_finishes_the_rest_and_skips_the_finished()
    {
        var input = Directory.CreateDirectory(Path.Combine(_root, "photos")).FullName;
        var photo = Fixture(640, 480);
        for (var i = 0; i < Images; i++) File.WriteAllBytes(Path.Combine(input, $"photo {i:D2}.png"), photo);
        var output = Path.Combine(_root, "out");
        string[] args = ["remove", input, "-o", output, "--model", RobustnessModel.Path, "--threads", "2"];

        using (var first = new CliProcess(args))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Outputs(output).Length < 3 && !first.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(5);
            Assert.False(first.HasExited, "finished before it could be killed: " + first.StandardError);
            first.Kill();
        }

        var survivors = Outputs(output);
        Assert.InRange(survivors.Length, 3, Images - 1);
        foreach (var file in survivors) CliRobustnessTests.AssertDecodes(file, (640, 480));
        var kept = survivors.ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

        using var second = new CliProcess(args);
        Assert.Equal(0, second.WaitForExit());
        Assert.Contains($"{Images - survivors.Length} written, {survivors.Length} skipped, 0 failed", second.StandardError);

        var all = Outputs(output);
        Assert.Equal(Images, all.Length);
        foreach (var file in all) CliRobustnessTests.AssertDecodes(file, (640, 480));
        foreach (var (file, (bytes, time)) in kept)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(time, File.GetLastWriteTimeUtc(file));
        }
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));
    }

    /// <summary>Visible outputs only: the temporary files of an interrupted write are hidden (leading dot).</summary>
    static string[] Outputs(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.png").Where(f => !Path.GetFileName(f).StartsWith('.'))]
            : [];

    static byte[] Fixture(int width, int height)
    {
        using var source = SkiaSharp.SKBitmap.Decode(TestPaths.Astronaut);
        using var scaled = new SkiaSharp.SKBitmap(width, height);
        source.ScalePixels(scaled, new SkiaSharp.SKSamplingOptions(SkiaSharp.SKFilterMode.Linear));
        using var data = scaled.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose() => _root.Dispose();
}
