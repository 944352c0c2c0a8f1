using Xunit;

namespace Cutout.Tests;

/// <summary>`-o` naming an image file, stdin with `-o`, and stdout that is a terminal.</summary>
public class OutputFileTests
{
    static readonly string Model = TestModels.Darkness;

    [Fact]
    public void One_input_with_an_image_file_output_writes_that_file_in_its_format()
    {
        var root = Cli.TempFolder();
        var run = Cli.Run(root, "remove", TestPaths.Astronaut, "-o", "result.webp", "--model", Model);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("webp", ImageProbe.Probe(File.ReadAllBytes(Path.Combine(root, "result.webp"))).Format);
        Assert.Equal(["result.webp"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        Assert.Contains(Path.Combine(root, "result.webp"), run.Stderr);
    }

    [Fact]
    public void An_image_file_output_with_several_inputs_is_a_usage_error_that_writes_nothing()
    {
        var root = Cli.TempFolder();
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "a.png"));
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "b.png"));
        Directory.CreateDirectory(Path.Combine(root, "in"));
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "in", "c.png"));
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "in", "d.png"));

        foreach (var inputs in new[] { new[] { "a.png", "b.png" }, ["in"] })
        {
            var run = Cli.Run(root, ["remove", .. inputs, "-o", "result.png", "--model", Model]);
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("names one file", run.Stderr);
            Assert.False(Path.Exists(Path.Combine(root, "result.png")));
        }
    }

    [Fact]
    public void An_output_extension_that_contradicts_the_format_is_a_usage_error()
    {
        var run = Cli.Run(Cli.TempFolder(), "remove", TestPaths.Astronaut, "-o", "result.png", "--format", "webp", "--model", Model);
        Assert.True(run.ExitCode == 2, run.ToString());
        var mask = Cli.Run(Cli.TempFolder(), "remove", TestPaths.Astronaut, "-o", "mask.jpg", "--mask", "--model", Model);
        Assert.True(mask.ExitCode == 2, mask.ToString());
    }

    [Fact]
    public void Stdin_with_an_output_file_writes_the_file_and_nothing_to_stdout()
    {
        var root = Cli.TempFolder();
        var run = Cli.Run(root, Images.Astronaut, null, "remove", "-", "-o", "cut.png", "--model", Model);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Stdout);
        using var photo = Photo.Decode(File.ReadAllBytes(Path.Combine(root, "cut.png")));
        Assert.Equal(0, Images.Pixel(photo, 320, 170).A);
    }

    [Fact]
    public void Stdin_with_an_output_folder_is_a_usage_error_not_silently_stdout()
    {
        var root = Cli.TempFolder();
        var run = Cli.Run(root, Images.Astronaut, null, "remove", "-", "-o", "dir", "--model", Model);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Stdout);
        Assert.Contains("-o must name an image file", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [TerminalFact]
    public void Binary_output_to_a_terminal_is_refused_with_a_hint()
    {
        var root = Cli.TempFolder();
        File.Copy(TestPaths.Astronaut, Path.Combine(root, "a.png"));
        var command = $"dotnet {Path.Combine(AppContext.BaseDirectory, "Cutout.Cli.dll")} remove - --model {Model} < a.png";
        var run = Terminal.Run(root, command);
        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("refusing to write binary image data to a terminal", run.Output);
        Assert.Contains("cutout remove --help", run.Output);
        Assert.DoesNotContain("PNG", run.Output);
    }
}
