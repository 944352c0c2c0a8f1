using System.Security.Cryptography;
using SkiaSharp;
using Xunit;

namespace Cutout.Tests.Robustness;

/// <summary>
/// The bad-input corpus through `cutout remove` as a child process: each file gets a clear one-line error or a valid
/// output, the exit code says whether anything failed, the process survives to the end, inputs are never changed.
/// </summary>
public sealed class CliRobustnessTests : IDisposable
{
    readonly TempFolder _root = new("cutout-cli-robustness-");

    string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    static Dictionary<string, byte[]> Hashes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => SHA256.HashData(File.ReadAllBytes(f)));

    [Fact]
    public void A_batch_of_every_bad_input_survives_and_reports_each_file()
    {
        var input = Folder("in");
        foreach (var c in BadInputCorpus.All) File.WriteAllBytes(Path.Combine(input, c.FileName), c.Bytes);
        var before = Hashes(input);
        var output = Path.Combine(_root, "out");

        var files = BadInputCorpus.All.Select(c => Path.Combine(input, c.FileName)).ToArray();
        var (exit, stdout, stderr) = CliProcess.Run(["remove", .. files, "-o", output, "--model", RobustnessModel.Path]);

        Assert.Equal(1, exit);   // some failed
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
        var summary = System.Text.RegularExpressions.Regex.Match(stderr, @"(\d+) written, (\d+) skipped, (\d+) failed");
        Assert.True(summary.Success, "no summary line: " + stderr);
        Assert.Equal(BadInputCorpus.All.Count, Enumerable.Range(1, 3).Sum(g => int.Parse(summary.Groups[g].Value)));
        foreach (var c in BadInputCorpus.All)
        {
            var result = Path.Combine(output, Path.GetFileNameWithoutExtension(c.FileName) + ".png");
            var failedLine = stderr.Split('\n').FirstOrDefault(l => l.Contains("failed: " + Path.Combine(input, c.FileName), StringComparison.Ordinal));
            switch (c.Expect)
            {
                case Expect.Works:
                    Assert.True(File.Exists(result), $"{c.Name}: no output; stderr: {failedLine}");
                    AssertDecodes(result, c.Size);
                    break;
                case Expect.WorksOrDamaged:
                    if (File.Exists(result)) AssertDecodes(result, c.Size);
                    else Assert.NotNull(failedLine);
                    break;
                default:
                    Assert.False(File.Exists(result), $"{c.Name}: an output was written");
                    Assert.True(failedLine != null, $"{c.Name}: no error line in stderr:\n{stderr}");
                    Assert.True(System.Text.RegularExpressions.Regex.IsMatch(failedLine, @"failed: .+: \w"), failedLine);
                    if (c.Hostile) Assert.Contains(c.Says!, failedLine);
                    break;
            }
        }
        Assert.Equal(before.Keys.Order(), Hashes(input).Keys.Order());
        foreach (var (file, hash) in Hashes(input)) Assert.Equal(before[file], hash);
        Assert.Empty(Directory.GetFiles(output, "*.cutout-tmp", SearchOption.AllDirectories));
    }

    /// <summary>Issue 14: the hostile inputs, one batch: every one refused in words, fast, and the process stays small.</summary>
    [Fact]
    public void Hostile_inputs_are_refused_by_the_CLI_in_words_quickly_and_in_little_memory()
    {
        var input = Folder("hostile");
        var hostile = BadInputCorpus.All.Where(c => c.Hostile).ToList();
        foreach (var c in hostile) File.WriteAllBytes(Path.Combine(input, c.FileName), c.Bytes);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var cli = new CliProcess(["remove", input, "-o", Path.Combine(_root, "hostile-out"), "--model", RobustnessModel.Path]);
        long peakKb = 0;
        while (!cli.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            peakKb = Math.Max(peakKb, cli.PeakRssKb);
            Thread.Sleep(5);
        }
        var exit = cli.WaitForExit();

        Assert.Equal(1, exit);
        foreach (var c in hostile)
            Assert.Contains(cli.StandardError.Split('\n'), l => l.Contains(c.FileName, StringComparison.Ordinal) && l.Contains(c.Says!, StringComparison.Ordinal));
        // Start-up and the model take about 100 MB; decoding any of these would take 200 MB to several GB.
        Assert.True(peakKb < 400 * 1024, $"peak RSS {peakKb / 1024} MB");
        Assert.True(clock.Elapsed < hostile.Count * BadInputCorpus.HostileTimeLimit + TimeSpan.FromSeconds(10),
            $"{hostile.Count} hostile files took {clock.Elapsed.TotalSeconds:0} s");
    }

    [Fact]
    public void A_folder_walk_skips_non_images_and_processes_the_rest()
    {
        var input = Folder("walk");
        foreach (var c in BadInputCorpus.All) File.WriteAllBytes(Path.Combine(input, c.FileName), c.Bytes);
        var output = Path.Combine(_root, "walk-out");
        var (exit, _, stderr) = CliProcess.Run("remove", input, "-o", output, "--model", RobustnessModel.Path);
        Assert.Equal(1, exit);
        Assert.DoesNotContain("readme.txt", stderr);   // not an image extension: not an input at all
        var images = BadInputCorpus.All.Where(c => !c.FileName.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        foreach (var c in images)
        {
            var result = Path.Combine(output, Path.GetFileNameWithoutExtension(c.FileName) + ".png");
            if (c.Expect == Expect.Works) AssertDecodes(result, c.Size);
            else if (c.Expect != Expect.WorksOrDamaged) Assert.False(File.Exists(result), $"{c.Name}: an output was written");
        }
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length;
        AssertSummary(stderr, written, images.Count - written);
    }

    [Theory]
    [InlineData("1x1 image", 0)]
    [InlineData("CMYK JPEG (Adobe APP14, hand-built)", 0)]
    [InlineData("empty file", 1)]
    [InlineData("PNG header claiming 30000x30000", 1)]
    [InlineData("text file with a txt extension", 1)]
    public void One_file_exit_code(string name, int expected)
    {
        var c = BadInputCorpus.Get(name);
        var file = Path.Combine(Folder("one"), c.FileName);
        File.WriteAllBytes(file, c.Bytes);
        var (exit, _, stderr) = CliProcess.Run("remove", file, "-o", Path.Combine(_root, "one-out"), "--model", RobustnessModel.Path);
        Assert.True(expected == exit, $"exit {exit}: {stderr}");
        if (expected != 0) Assert.Contains(c.FileName, stderr);
    }

    [Theory]
    [InlineData("empty file")]
    [InlineData("text file with an image extension")]
    [InlineData("PNG header claiming 30000x30000")]
    public void Stdin_bad_input_is_one_clear_error_and_no_output(string name)
    {
        var (exit, stdout, stderr) = CliProcess.Run(["remove", "-", "--model", RobustnessModel.Path], BadInputCorpus.Get(name).Bytes);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("cutout: stdin: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>
    /// Unreadable inputs. Tests run as root in CI, where chmod 000 still reads, so the cases that fail for root too are a
    /// dangling symlink (named and inside a walked folder) and a symlink loop; a folder named like an image is walked,
    /// not read as an image; chmod 000 is tried only as non-root.
    /// </summary>
    [Fact]
    public void Unreadable_inputs_fail_cleanly_and_the_rest_is_done()
    {
        var input = Folder("unreadable");
        var good = Path.Combine(input, "good.png");
        File.WriteAllBytes(good, BadInputCorpus.Png);
        File.CreateSymbolicLink(Path.Combine(input, "dangling.jpg"), Path.Combine(input, "does-not-exist.jpg"));
        File.CreateSymbolicLink(Path.Combine(input, "loop.png"), "loop.png");
        Directory.CreateDirectory(Path.Combine(input, "folder.jpg"));
        var locked = Path.Combine(input, "locked.png");
        File.WriteAllBytes(locked, BadInputCorpus.Png);
        var canLock = Environment.UserName != "root" && !OperatingSystem.IsWindows();
        if (canLock && !OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        var output = Path.Combine(_root, "unreadable-out");

        try
        {
            var (exit, _, stderr) = CliProcess.Run("remove", input, Path.Combine(input, "dangling.jpg"), "-o", output, "--model", RobustnessModel.Path);
            Assert.Equal(1, exit);
            Assert.DoesNotContain("   at ", stderr);
            // Walked: links to nothing are passed over and named; named on the command line: a failure.
            Assert.Matches(@"\S+dangling\.jpg: skipped, a symbolic link to nothing", stderr);
            Assert.Matches(@"\S+loop\.png: skipped, a symbolic link to nothing", stderr);
            Assert.Matches(@"\S+dangling\.jpg: no such file or folder", stderr);
            Assert.DoesNotContain("folder.jpg", stderr);
            Assert.Equal(96, Photo.Decode(File.ReadAllBytes(Path.Combine(output, "good.png"))).Width);
            Assert.False(File.Exists(Path.Combine(output, "loop.png")));
            Assert.False(File.Exists(Path.Combine(output, "folder.png")));
            if (canLock) Assert.Matches(@"failed: \S+locked\.png: \w", stderr);
            else Assert.True(File.Exists(Path.Combine(output, "locked.png")));
            // The named dangling.jpg, and locked.png where chmod can lock it.
            AssertSummary(stderr, canLock ? 1 : 2, canLock ? 2 : 1);
        }
        finally
        {
            if (canLock && !OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void An_output_folder_under_a_regular_file_fails_each_image_and_leaves_inputs_alone()
    {
        var input = Folder("to-nowhere");
        File.WriteAllBytes(Path.Combine(input, "a.png"), BadInputCorpus.Png);
        File.WriteAllBytes(Path.Combine(input, "b.jpg"), BadInputCorpus.Jpeg);
        var before = Hashes(input);
        var blocker = Path.Combine(_root, "a-regular-file");
        File.WriteAllText(blocker, "not a folder");

        var (exit, _, stderr) = CliProcess.Run("remove", input, "-o", Path.Combine(blocker, "out"), "--model", RobustnessModel.Path);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Contains("a.png", stderr);
        Assert.Contains("b.jpg", stderr);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
        foreach (var (file, hash) in Hashes(input)) Assert.Equal(before[file], hash);
    }

    /// <summary>The batch's last line: "N written[ (K with no subject found)], 0 skipped, F failed".</summary>
    static void AssertSummary(string stderr, int written, int failed) =>
        Assert.Matches($@"cutout: {written} written( \(\d+ with no subject found\))?, 0 skipped, {failed} failed", stderr);

    internal static void AssertDecodes(string file, (int Width, int Height)? size)
    {
        using var codec = SKCodec.Create(file);
        Assert.True(codec != null, $"{file} is not an image");
        using var bitmap = new SKBitmap(codec.Info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        if (size is { } s) Assert.Equal(s, (codec.Info.Width, codec.Info.Height));
    }

    public void Dispose() => _root.Dispose();
}
