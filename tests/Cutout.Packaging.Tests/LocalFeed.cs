using Xunit;

namespace Cutout.Packaging.Tests;

/// <summary>
/// Every package, packed once per test run by ./pack.sh (the tool for <see cref="Rids"/> only) into a temporary
/// folder that serves as the only NuGet source. A version unique to the run keeps the NuGet cache from serving an
/// earlier build; its folders are removed from the cache afterwards.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    public string Folder { get; }
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    public string NuGetConfig { get; }
    public TimeSpan PackTime { get; }
    /// <summary>This machine's platform, and Windows, whose native libraries come with 97 MB of debug symbols to leave out.</summary>
    public static readonly string[] Rids = ["linux-x64", "win-x64"];

    public LocalFeed()
    {
        var root = TestTemp.Folder("feed-");
        Folder = Path.Combine(root, "packages");
        var pack = ProcessRunner.Run(Path.Combine(TestPaths.RepoRoot, "pack.sh"), [Folder], TestPaths.RepoRoot, TimeSpan.FromMinutes(10),
            new Dictionary<string, string>
            {
                ["CUTOUT_PACKAGE_VERSION"] = Version,
                ["CUTOUT_TOOL_RIDS"] = string.Join(',', Rids),
                ["CUTOUT_ARTIFACTS"] = Path.Combine(root, "artifacts"),
            });
        Assert.True(pack.ExitCode == 0, pack.ToString());
        PackTime = pack.Elapsed;
        NuGetConfig = Path.Combine(root, "nuget.config");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="cutout-local" value="{Folder}" />
                <add key="nuget-cache" value="{GlobalPackages}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Where restored packages live; it is also a folder feed of everything restored before (ONNX Runtime, Skia).</summary>
    public static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public IEnumerable<string> Packages => Directory.GetFiles(Folder, "*.nupkg").Select(Path.GetFileName)!;

    public void Dispose()
    {
        foreach (var id in Directory.GetDirectories(GlobalPackages, "cutout*"))
        {
            var mine = Path.Combine(id, Version);
            if (Directory.Exists(mine)) Directory.Delete(mine, recursive: true);
            if (!Directory.EnumerateFileSystemEntries(id).Any()) Directory.Delete(id);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalFeedCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "local NuGet feed";
}
