using Xunit;

namespace Cutout.Tests;

/// <summary>`cutout remove` as a real process, with the darkness test model.</summary>
public class RemoveCommandTests
{
    static readonly string Model = TestModels.Darkness;

    /// <summary>in/a.png and in/sub/b.jpg: the astronaut twice.</summary>
    static string InputFolder(string root)
    {
        var input = Path.Combine(root, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.Copy(TestPaths.Astronaut, Path.Combine(input, "a.png"));
        File.WriteAllBytes(Path.Combine(input, "sub", "b.jpg"), Images.Encode(Photo.Decode(Images.Astronaut), SkiaSharp.SKEncodedImageFormat.Jpeg, 90));
        return input;
    }

    [Fact]
    public void A_folder_is_walked_recursively_and_mirrored()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        var run = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var output in new[] { "out/a.png", "out/sub/b.png" })
        {
            using var photo = Photo.Decode(File.ReadAllBytes(Path.Combine(root, output)));
            Assert.Equal((512, 512), (photo.Width, photo.Height));
            Assert.Equal(0, Images.Pixel(photo, 320, 170).A);
            Assert.Equal(255, Images.Pixel(photo, 400, 420).A);
        }
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "out"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Existing_outputs_are_skipped_unless_overwrite()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        Assert.Equal(0, Cli.Run(root, "remove", "in", "-o", "out", "--model", Model).ExitCode);
        var first = Path.Combine(root, "out", "a.png");
        File.WriteAllText(first, "kept");

        var again = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("kept", File.ReadAllText(first));
        Assert.Contains("0 written, 2 skipped, 0 failed", again.Output + again.Stderr);

        var overwrite = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model, "--overwrite");
        Assert.True(overwrite.ExitCode == 0, overwrite.ToString());
        Assert.Equal(512, Photo.Decode(File.ReadAllBytes(first)).Width);
    }

    [Fact]
    public void A_bad_file_is_reported_and_the_batch_goes_on_with_exit_code_1()
    {
        var root = Cli.TempFolder();
        var input = InputFolder(root);
        File.WriteAllText(Path.Combine(input, "broken.jpg"), "this is not a JPEG");
        var run = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model, "missing.png");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.jpg", run.Stderr);
        Assert.Contains("missing.png", run.Stderr);
        Assert.True(File.Exists(Path.Combine(root, "out", "a.png")));
        Assert.True(File.Exists(Path.Combine(root, "out", "sub", "b.png")));
        Assert.False(File.Exists(Path.Combine(root, "out", "broken.png")));
    }

    [Fact]
    public void Stdin_to_stdout()
    {
        var run = Cli.Run(Cli.TempFolder(), Images.Astronaut, null, "remove", "-", "--model", Model);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var photo = Photo.Decode(run.Stdout);
        Assert.Equal(0, Images.Pixel(photo, 320, 170).A);

        var mask = Cli.Run(Cli.TempFolder(), Images.Astronaut, null, "remove", "-", "--model", Model, "--mask");
        Assert.Equal(255, Photo.Decode(mask.Stdout).Rgba[(420 * 512 + 400) * 4]);

        var bad = Cli.Run(Cli.TempFolder(), "garbage"u8.ToArray(), null, "remove", "-", "--model", Model);
        Assert.Equal(1, bad.ExitCode);
        Assert.Empty(bad.Stdout);
    }

    [Fact]
    public void An_input_is_never_overwritten()
    {
        var root = Cli.TempFolder();
        var input = InputFolder(root);
        var original = File.ReadAllBytes(Path.Combine(input, "a.png"));
        var run = Cli.Run(root, "remove", "in/a.png", "-o", "in", "--model", Model, "--overwrite");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("overwrite the input", run.Stderr);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(input, "a.png")));
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("remove", "x.png", "--format", "jpg")]
    [InlineData("remove", "x.png", "--bogus")]
    [InlineData("remove", "x.png", "--threads", "0")]
    [InlineData("remove", "x.png", "--bg", "not-a-colour-or-file")]
    [InlineData("remove", "x.png", "--threshold", "2")]
    [InlineData("remove", "-", "x.png")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var run = Cli.Run(Cli.TempFolder(), args);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public void Help_documents_the_default_output_folder()
    {
        var run = Cli.Run(Cli.TempFolder(), "remove", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("./cutout-out", run.Output);
    }

    [Fact]
    public void Globs_pick_matching_files_and_default_output_is_cutout_out()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        var run = Cli.Run(root, "remove", "in/**/*.jpg", "--model", Model);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(root, "cutout-out", "sub", "b.png")));
        Assert.False(File.Exists(Path.Combine(root, "cutout-out", "a.png")));
    }

    [Fact]
    public void Leftover_temporary_files_are_removed_and_the_output_folder_is_not_read_as_input()
    {
        var root = Cli.TempFolder();
        var input = InputFolder(root);
        var outputs = Path.Combine(input, "cutouts");
        Directory.CreateDirectory(outputs);
        var leftover = Path.Combine(outputs, ".a.png.0123456789abcdef.cutout-tmp");
        File.WriteAllText(leftover, "half-written");

        Assert.Equal(0, Cli.Run(root, "remove", "in", "-o", "in/cutouts", "--model", Model).ExitCode);
        var again = Cli.Run(root, "remove", "in", "-o", "in/cutouts", "--model", Model);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.False(File.Exists(leftover));
        Assert.False(Directory.Exists(Path.Combine(outputs, "cutouts")));
        Assert.Equal(["a.png", "sub/b.png"],
            Directory.GetFiles(outputs, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outputs, f)).Order());
    }

    [Fact]
    public void Parallel_threads_with_blur_background_as_jpeg()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "in", "c.png"));
        var run = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model, "--threads", "3", "--bg", "blur", "--format", "jpg");
        Assert.True(run.ExitCode == 0, run.ToString());
        var options = new RemoveOptions { Background = "blur", Format = OutputFormat.Jpeg };
        foreach (var (input, output) in new[] { ("a.png", "a.jpg"), ("c.png", "c.jpg"), ("sub/b.jpg", "sub/b.jpg") })
        {
            var written = File.ReadAllBytes(Path.Combine(root, "out", output));
            Assert.Equal("jpeg", ImageProbe.Probe(written).Format);
            // Each file, processed three at a time, is the cut-out the library makes for it alone.
            var photo = File.ReadAllBytes(Path.Combine(root, "in", input));
            Assert.True(written.AsSpan().SequenceEqual(Removers.Darkness.Remove(photo, options).Data), $"{output} is not its own blurred cut-out");
        }
        // The background is blurred: its fine texture is gone, while the visor (subject) keeps the photo's pixels.
        using var original = Photo.Decode(Images.Astronaut);
        using var blurred = Photo.Decode(File.ReadAllBytes(Path.Combine(root, "out", "a.jpg")));
        using var mask = Photo.Decode(Removers.Darkness.Remove(Images.Astronaut, new RemoveOptions { Mask = true }).Data);
        var (before, after) = (BackgroundRoughness(original, mask), BackgroundRoughness(blurred, mask));
        Assert.True(after < before / 2, $"background roughness {after:F2} blurred vs {before:F2} in the photo");
        Assert.InRange(Images.Pixel(blurred, 400, 420).G - Images.Pixel(original, 400, 420).G, -12, 12);
    }

    /// <summary>
    /// Mean absolute difference of horizontally neighbouring green values where the mask says background on both:
    /// high for texture, low once blurred.
    /// </summary>
    static double BackgroundRoughness(Photo photo, Photo mask)
    {
        double sum = 0;
        var count = 0;
        for (var y = 0; y < photo.Height; y++)
            for (var x = 0; x + 1 < photo.Width; x++)
                if (Images.Pixel(mask, x, y).R == 0 && Images.Pixel(mask, x + 1, y).R == 0)
                {
                    sum += Math.Abs(Images.Pixel(photo, x + 1, y).G - Images.Pixel(photo, x, y).G);
                    count++;
                }
        Assert.True(count > photo.PixelCount / 10, "the photo has background");
        return sum / count;
    }

    /// <summary>
    /// White page, a black 120 px square at (100, 100) with a 12 px white hole, and a 12 px black speck at (20, 20); all
    /// edges on the 4 px cells of the 64 x 64 darkness model, so the matte crosses 0.5 exactly on them.
    /// </summary>
    static Photo SquareWithHoleAndSpeck() => Images.PageWithSquares((100, 100, 120, 0), (152, 152, 12, 255), (20, 20, 12, 0));

    /// <summary>Each flag has its own visible effect, so a flag the command ignored fails here.</summary>
    [Fact]
    public void Webp_crop_refine_threshold_and_clean_flags()
    {
        var root = Cli.TempFolder();
        var input = Images.PngOf(SquareWithHoleAndSpeck());
        File.WriteAllBytes(Path.Combine(root, "a.png"), input);
        var run = Cli.Run(root, "remove", "a.png", "-o", "out", "--model", Model, "--format", "webp", "--crop",
            "--crop-margin", "4", "--refine", "--threshold", "0.5", "--clean", "200");
        Assert.True(run.ExitCode == 0, run.ToString());
        var written = File.ReadAllBytes(Path.Combine(root, "out", "a.webp"));
        Assert.Equal("webp", ImageProbe.Probe(written).Format);
        using var photo = Photo.Decode(written);

        // --crop and --crop-margin 4 (not the default 16), --clean 200 (else the speck widens the box to x = 20).
        Assert.InRange(photo.Width, 120 + 2 * 4 - 2, 120 + 2 * 4 + 2);
        Assert.InRange(photo.Height, 120 + 2 * 4 - 2, 120 + 2 * 4 + 2);
        // --threshold 0.5: only 0 and 255.
        Assert.All(Enumerable.Range(0, photo.PixelCount), i => Assert.True(photo.Rgba[i * 4 + 3] is 0 or 255));
        // --clean 200 fills the 144 px hole, which sits at (152 - 96, 152 - 96) in the crop.
        Assert.Equal(255, Images.Pixel(photo, 4 + 52 + 6, 4 + 52 + 6).A);
        // --refine: the output is the library's with refinement, which differs here from the one without.
        var options = new RemoveOptions { Format = OutputFormat.WebP, Crop = true, CropMargin = 4, Refine = true, Threshold = 0.5f, CleanArea = 200 };
        var refined = Removers.Darkness.Remove(input, options).Data;
        var unrefined = Removers.Darkness.Remove(input, options with { Refine = false }).Data;
        Assert.False(refined.AsSpan().SequenceEqual(unrefined), "refinement should change this cut-out");
        Assert.True(written.AsSpan().SequenceEqual(refined), "the command's output should be the refined cut-out");
    }

    [Fact]
    public void Raw_alpha_flag_keeps_the_soft_values_the_default_cleans_away()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        var clean = Cli.Run(root, "remove", "in/a.png", "-o", "clean", "--model", Model, "--mask");
        var raw = Cli.Run(root, "remove", "in/a.png", "-o", "raw", "--model", Model, "--mask", "--raw-alpha");
        Assert.True(clean.ExitCode == 0 && raw.ExitCode == 0, clean + "\n" + raw);
        int Soft(string folder)
        {
            using var mask = Photo.Decode(File.ReadAllBytes(Path.Combine(root, folder, "a.png")));
            return Enumerable.Range(0, mask.PixelCount).Count(i => mask.Rgba[i * 4] is > 0 and < 255);
        }
        Assert.True(Soft("raw") > 2 * Soft("clean"), $"soft pixels: raw {Soft("raw")}, clean {Soft("clean")}");
    }

    [Fact]
    public void Background_image_file()
    {
        var root = Cli.TempFolder();
        InputFolder(root);
        File.WriteAllBytes(Path.Combine(root, "green.png"), PngWriter.Write(1, 1, 8, 2, [[0, 255, 0]]));
        var run = Cli.Run(root, "remove", "in/a.png", "-o", "out", "--model", Model, "--bg", "green.png");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((0, 255, 0, 255), Images.Pixel(Photo.Decode(File.ReadAllBytes(Path.Combine(root, "out", "a.png"))), 320, 170));
    }
}
