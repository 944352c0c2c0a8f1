using System.Diagnostics;
using System.Security.Cryptography;
using Xunit;

namespace Cutout.Tests.Robustness;

/// <summary>
/// Issue 14, items 2, 3, 6, 7, 8: paths and streams that made `cutout remove` overwrite an input, loop, hang, crash or
/// delete another run's file. Each runs the real command on the robustness model.
/// </summary>
public sealed class CliHostilePathTests
{
    static readonly string Model = RobustnessModel.Path;
    readonly string _root = TestTemp.Folder("cli-hostile-");

    string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    static byte[] Hash(string file) => SHA256.HashData(File.ReadAllBytes(file));

    [Fact]
    public void An_output_folder_that_is_a_link_to_the_input_folder_never_replaces_the_input()
    {
        var input = Folder("photos");
        var photo = Path.Combine(input, "a.png");
        File.WriteAllBytes(photo, BadInputCorpus.Png);
        var before = Hash(photo);
        var link = Path.Combine(_root, "out-link");
        Directory.CreateSymbolicLink(link, input);

        var run = Cli.Run(_root, "remove", photo, "-o", link, "--overwrite", "--model", Model);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("would overwrite the input", run.Stderr);
        Assert.Equal(before, Hash(photo));
    }

    [Fact]
    public void One_input_is_never_the_output_of_another()
    {
        var folder = Folder("pair");
        File.WriteAllBytes(Path.Combine(folder, "a.jpg"), BadInputCorpus.Jpeg);
        var png = Path.Combine(folder, "a.png");
        File.WriteAllBytes(png, BadInputCorpus.Png);
        var before = Hash(png);

        var run = Cli.Run(folder, "remove", "a.jpg", "a.png", "-o", ".", "--overwrite", "--model", Model);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"would overwrite the input {png}", run.Stderr);
        Assert.Equal(before, Hash(png));
    }

    [Fact]
    public void Links_to_folders_are_not_followed_and_a_pipe_named_like_an_image_is_skipped()
    {
        var input = Folder("tree");
        var deep = Directory.CreateDirectory(Path.Combine(input, "sub")).FullName;
        File.WriteAllBytes(Path.Combine(input, "a.png"), BadInputCorpus.Png);
        Directory.CreateSymbolicLink(Path.Combine(deep, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(deep, "again"), "..");
        var pipe = Path.Combine(input, "p.jpg");
        MakeFifo(pipe);
        var output = Path.Combine(_root, "tree-out");

        var run = Cli.Run(_root, null, null, TimeSpan.FromSeconds(60), "remove", input, "-o", output, "--model", Model);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Path.Combine(output, "a.png")], Directory.GetFiles(output, "*", SearchOption.AllDirectories));
        Assert.Contains($"{Path.Combine(deep, "up")}: skipped, a symbolic link to a folder, not followed", run.Stderr);
        Assert.Contains($"{pipe}: skipped, not a regular file", run.Stderr);
    }

    [Fact]
    public void A_pipe_named_as_an_input_is_refused_not_read()
    {
        var pipe = Path.Combine(Folder("named-pipe"), "p.jpg");
        MakeFifo(pipe);
        var run = Cli.Run(_root, null, null, TimeSpan.FromSeconds(60), "remove", pipe, "-o", "pipe-out", "--model", Model);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{pipe}: not a regular file", run.Stderr);
    }

    [Theory]
    [InlineData(">&-")]
    [InlineData("> /dev/full")]
    public void A_closed_or_full_stdout_is_one_line_and_exit_1(string redirect)
    {
        var image = Path.Combine(Folder("stdout"), "a.png");
        File.WriteAllBytes(image, BadInputCorpus.Png);
        var cli = Path.Combine(AppContext.BaseDirectory, "Cutout.Cli.dll");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{cli}' remove - --model '{Model}' < '{image}' {redirect}");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("cutout: cannot write the result to stdout", stderr);
    }

    [Fact]
    public void Only_leftovers_of_runs_that_are_gone_are_removed()
    {
        var output = Folder("leftovers");
        var live = Path.Combine(output, $".a.png.{Environment.ProcessId}.{Guid.NewGuid():N}.cutout-tmp");
        var gone = Path.Combine(output, $".a.png.{DeadProcessId()}.{Guid.NewGuid():N}.cutout-tmp");
        File.WriteAllText(live, "another run is writing this");
        File.WriteAllText(gone, "an interrupted run left this");
        var input = Path.Combine(Folder("leftovers-in"), "a.png");
        File.WriteAllBytes(input, BadInputCorpus.Png);

        var run = Cli.Run(_root, "remove", input, "-o", output, "--model", Model);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(live), "the live run's temporary file was deleted");
        Assert.False(File.Exists(gone), "the dead run's leftover was kept");
        Assert.True(File.Exists(Path.Combine(output, "a.png")));
    }

    [Fact]
    public void Double_dash_ends_the_options()
    {
        var folder = Folder("dash");
        File.WriteAllBytes(Path.Combine(folder, "-odd.png"), BadInputCorpus.Png);
        var run = Cli.Run(folder, "remove", "-o", "out", "--model", Model, "--", "-odd.png");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "out", "-odd.png")));
    }

    [Fact]
    public void A_folder_that_is_its_own_output_folder_is_an_error_not_a_silent_success()
    {
        var folder = Folder("same");
        Directory.CreateDirectory(Path.Combine(folder, "g"));
        File.WriteAllBytes(Path.Combine(folder, "g", "a.png"), BadInputCorpus.Png);
        var run = Cli.Run(folder, "remove", "g", "-o", "g", "--model", Model);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("g: is inside the output folder", run.Stderr);
    }

    [Fact]
    public void A_quoted_glob_that_matches_nothing_says_so()
    {
        var folder = Folder("glob");
        File.WriteAllBytes(Path.Combine(folder, "a.png"), BadInputCorpus.Png);
        var run = Cli.Run(folder, "remove", "*.jpg", "--model", Model);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("*.jpg: no image matches this pattern", run.Stderr);
    }

    static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A process id no process has now: a child that has exited.</summary>
    static int DeadProcessId()
    {
        using var child = Process.Start("true")!;
        child.WaitForExit();
        return child.Id;
    }
}
