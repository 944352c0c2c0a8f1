using Xunit;

namespace Cutout.Tests;

/// <summary>`cutout remove --shard i/n`: n processes over one folder write every output exactly once.</summary>
public class ShardTests
{
    [Fact]
    public async Task Three_processes_over_thirty_images_write_every_output_exactly_once()
    {
        var root = Cli.TempFolder();
        var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        using var astronaut = Photo.Decode(Images.Astronaut);
        var small = Images.PngOf(Images.Padded(astronaut, 520, 520, 4, 4));
        var names = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? $"sub/{i:D2}.png" : $"{i:D2}.png").ToList();
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(input, name))!);
            File.WriteAllBytes(Path.Combine(input, name), small);
        }

        var runs = Enumerable.Range(0, 3)
            .Select(i => Task.Run(() => Cli.Run(root, "remove", "in", "-o", "out", "--model", TestModels.Darkness, "--shard", $"{i}/3", "--threads", "1")))
            .ToArray();
        var results = await Task.WhenAll(runs);

        var written = new List<string>();
        foreach (var run in results)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("skipped", run.Output);
            var mine = run.Output.Split('\n').Where(l => l.Contains(" -> ")).Select(l => l.Split(' ')[3]).ToList();
            Assert.InRange(mine.Count, 9, 11);
            written.AddRange(mine);
        }
        var expected = names.Select(n => Path.Combine(root, "out", Path.ChangeExtension(n, ".png"))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, written.Order(StringComparer.Ordinal));
        Assert.Equal(30, Directory.GetFiles(Path.Combine(root, "out"), "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_malformed_shard_is_a_usage_error(string shard)
    {
        var run = Cli.Run(Cli.TempFolder(), "remove", TestPaths.Astronaut, "--shard", shard, "--model", TestModels.Darkness);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--shard", run.Stderr);
    }
}
