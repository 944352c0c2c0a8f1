using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Packaging.Tests;

/// <summary>
/// A new console project that references the Cutout and model packages from the local feed only, with the README's
/// quick start as its whole program.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public class LibraryPackageTests(LocalFeed feed, ITestOutputHelper log)
{
    const string Model = "people-unet-resnet18";

    [Fact]
    public void The_readme_quick_start_cuts_out_the_sample_from_the_packages()
    {
        var project = TestTemp.Folder("consumer-");
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RuntimeIdentifier>$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cutout" Version="{feed.Version}" />
                <PackageReference Include="Cutout.Models.{Model}" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ReadmeQuickStart());
        File.Copy(feed.NuGetConfig, Path.Combine(project, "nuget.config"));
        File.Copy(TestPaths.Astronaut, Path.Combine(project, "photo.jpg"));

        var run = ProcessRunner.Run("dotnet", ["run", "-c", "Release"], project, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["CUTOUT_MODELS"] = "", ["CUTOUT_CACHE"] = Path.Combine(project, "cache") });
        Assert.True(run.ExitCode == 0, run.ToString());
        log.WriteLine($"restore, build and run of the consumer: {run.Elapsed.TotalSeconds:F1} s");
        CutoutImage.AssertAstronautCutOut(Path.Combine(project, "photo-cutout.png"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(project, "bin"), Model + ".onnx", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_library_package_is_small_documented_and_licensed_and_carries_no_model()
    {
        var package = Path.Combine(feed.Folder, $"Cutout.{feed.Version}.nupkg");
        Assert.InRange(new FileInfo(package).Length, 1, 1_000_000);
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/Cutout.dll", entries);
        Assert.Contains("lib/net10.0/Cutout.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".onnx"));
        using var nuspec = new StreamReader(zip.GetEntry("Cutout.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Matches("<repository type=\"git\"[^>]* commit=\"[0-9a-f]{40}\"", text);
    }

    [Fact]
    public void Each_shipped_model_is_its_own_package_with_the_terms_of_its_weights()
    {
        var shipped = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "models"), "*.onnx")
            .Where(onnx => File.Exists(Path.ChangeExtension(onnx, ".json"))).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(shipped);
        foreach (var name in shipped)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Folder, $"Cutout.Models.{name}.{feed.Version}.nupkg"));
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains($"models/{name}.onnx", entries);
            Assert.Contains($"models/{name}.json", entries);
            Assert.Contains($"buildTransitive/Cutout.Models.{name}.targets", entries);
            using var terms = new StreamReader(zip.GetEntry("WEIGHTS-TERMS.txt")!.Open());
            Assert.Contains("research", terms.ReadToEnd());
        }
    }

    /// <summary>The first C# block under the README's library heading.</summary>
    static string ReadmeQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var match = Regex.Match(readme, @"## Use it from your code.*?```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no ```csharp block under '## Use it from your code'");
        return match.Groups[1].Value;
    }
}
