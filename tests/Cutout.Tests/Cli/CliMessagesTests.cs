using Xunit;

namespace Cutout.Tests;

/// <summary>What `cutout` tells the user: versions, which help to read, where the output went, in what order.</summary>
public class CliMessagesTests
{
    static readonly string Model = TestModels.Darkness;

    [Fact]
    public void Version_names_the_package_version_and_the_default_model_with_its_version_both_models_for_auto()
    {
        var run = Cli.Run(Cli.TempFolder(), "--version");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n');
        Assert.Matches(@"^cutout \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", lines[0]);
        Assert.DoesNotContain("1.0.0.0", lines[0]);
        // models/default.json names "auto": both models it chooses between are named, the people model first.
        var choice = ModelCatalog.Choose("default");
        var named = choice.Paths.Select(p => ModelSpec.Read(ModelCatalog.SidecarPath(p))).Select(s => $"{s.Name} {s.Version}").ToList();
        var expected = choice.Automatic ? $"model auto ({string.Join(" / ", named)})" : $"model {Assert.Single(named)}";
        Assert.Equal(expected, lines[1]);
        var pinned = Path.Combine(ModelFolders.Shipped, "default.json");
        if (File.Exists(pinned) && File.ReadAllText(pinned).Contains("\"auto\""))
            Assert.Matches(@"^model auto \([^ ]+ [^ ]+ / [^ ]+ [^ ]+\)$", lines[1]);
    }

    [Fact]
    public void Models_list_states_the_terms_of_the_shipped_weights()
    {
        var run = Cli.Run(Cli.TempFolder(), "models", "list");
        Assert.Equal(0, run.ExitCode);
        var spec = ModelSpec.Read(ModelCatalog.SidecarPath(ModelCatalog.ResolvePath("default")));
        Assert.Contains("research", spec.License);
        Assert.Contains("research", run.Output);
        Assert.Contains("PASCAL", run.Output);
    }

    [Theory]
    [InlineData("cutout remove --help", "remove", "x.png", "--bogus")]
    [InlineData("cutout remove --help", "remove", "x.png", "--shard", "3/3")]
    [InlineData("cutout eval --help", "eval", "--bogus")]
    [InlineData("cutout --help", "frobnicate")]
    public void A_usage_error_points_to_the_help_of_its_command(string help, params string[] args)
    {
        var run = Cli.Run(Cli.TempFolder(), args);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"`{help}`", run.Stderr);
    }

    [Fact]
    public void A_run_that_creates_nothing_names_no_output_folder()
    {
        var root = Cli.TempFolder();
        var run = Cli.Run(root, "remove", "missing.png", "--model", Model);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("cutout-out", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, "cutout-out")));

        File.Copy(TestPaths.Astronaut, Path.Combine(root, "a.png"));
        var made = Cli.Run(root, "remove", "a.png", "--model", Model);
        Assert.Contains("output in " + Path.Combine(root, "cutout-out"), made.Stderr);
    }

    [Fact]
    public void A_folder_is_processed_in_sorted_order()
    {
        var root = Cli.TempFolder();
        var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        var small = Images.PngOf(Photo.Decode(Images.Astronaut));
        string[] names = ["b10.png", "a.png", "B.png", "b2.png", "sub/c.png", "z.png"];
        foreach (var name in names.Reverse())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(input, name))!);
            File.WriteAllBytes(Path.Combine(input, name), small);
        }
        var run = Cli.Run(root, "remove", "in", "-o", "out", "--model", Model, "--threads", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var order = run.Output.Split('\n').Where(l => l.Contains(" -> ")).Select(l => Path.GetRelativePath(input, l.Split(' ')[1]));
        Assert.Equal(names.Order(StringComparer.Ordinal), order);
    }
}
