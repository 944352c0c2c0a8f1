using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Packaging.Tests;

/// <summary>`dotnet tool install` of Cutout.Cli from the local feed into a temporary --tool-path, then `cutout remove`.</summary>
[Collection(LocalFeedCollection.Name)]
public class ToolPackageTests(LocalFeed feed, ITestOutputHelper log)
{
    [Fact]
    public void The_installed_tool_cuts_out_the_sample_with_its_own_model()
    {
        var toolPath = TestTemp.Folder("tool-");
        var work = TestTemp.Folder("tool-run-");
        var clock = Stopwatch.StartNew();
        var install = ProcessRunner.Run("dotnet",
            ["tool", "install", "Cutout.Cli", "--tool-path", toolPath, "--version", feed.Version, "--configfile", feed.NuGetConfig],
            work, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.ToString());

        var cutout = Path.Combine(toolPath, "cutout");
        var output = Path.Combine(work, "astronaut-cutout.png");
        var run = ProcessRunner.Run(cutout, ["remove", TestPaths.Astronaut, "-o", output], work, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["CUTOUT_MODELS"] = "", ["CUTOUT_CACHE"] = Path.Combine(work, "cache") });
        Assert.True(run.ExitCode == 0, run.ToString());
        log.WriteLine($"pack {feed.PackTime.TotalSeconds:F1} s; install {install.Elapsed.TotalSeconds:F1} s; install to first cut-out {clock.Elapsed.TotalSeconds:F1} s; " +
                      $"install size {FolderSize(toolPath) / 1e6:F0} MB; packages: {string.Join(", ", feed.Packages)}");
        CutoutImage.AssertAstronautCutOut(output);
        Assert.StartsWith(toolPath, ModelPath(cutout, work));

        var version = ProcessRunner.Run(cutout, ["--version"], work, TimeSpan.FromMinutes(1));
        Assert.Equal($"cutout {feed.Version}", version.Output.Split('\n')[0].Trim());
        var models = ProcessRunner.Run(cutout, ["models", "list"], work, TimeSpan.FromMinutes(1));
        Assert.Contains("research", models.Output);
    }

    [Fact]
    public void Each_platform_package_stays_small_and_carries_only_its_own_native_libraries_without_debug_symbols()
    {
        Assert.Equal(LocalFeed.Rids.Order(), feed.Packages.Select(p => Regex.Match(p!, @"^Cutout\.Cli\.([a-z]+-[a-z0-9]+)\.").Groups[1].Value)
            .Where(rid => rid != "").Order());
        foreach (var rid in LocalFeed.Rids)
        {
            var package = Path.Combine(feed.Folder, $"Cutout.Cli.{rid}.{feed.Version}.nupkg");
            Assert.InRange(new FileInfo(package).Length, 1, 100_000_000);
            using var zip = System.IO.Compression.ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(entries, e => e.EndsWith("/models/people-unet-resnet18.onnx"));
            Assert.DoesNotContain(entries, e => e.EndsWith(".pdb") && !Path.GetFileName(e).StartsWith("Cutout"));
            Assert.DoesNotContain(entries, e => e.Contains("/runtimes/"));
            Assert.InRange(zip.Entries.Sum(e => e.Length), 1, 250_000_000);
        }
    }

    static string ModelPath(string cutout, string work)
    {
        var path = ProcessRunner.Run(cutout, ["models", "path", "default"], work, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["CUTOUT_MODELS"] = "" });
        Assert.True(path.ExitCode == 0, path.ToString());
        return path.Output.Trim();
    }

    static long FolderSize(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
