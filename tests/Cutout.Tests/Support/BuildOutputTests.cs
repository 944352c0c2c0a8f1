using System.Runtime.InteropServices;
using Xunit;

namespace Cutout.Tests;

/// <summary>A build copies only this machine's platform's native libraries (build/HostRuntimeAssets.targets).</summary>
public class BuildOutputTests
{
    [Fact]
    public void A_build_holds_this_platforms_native_libraries_and_no_other_platforms()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var rid = $"{os}-{architecture}";   // portable, as packages name it (RuntimeIdentifier may be ubuntu.24.04-x64)
        var platforms = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "runtimes"))
            .Where(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())   // a later build empties, never removes, them
            .Select(Path.GetFileName).ToList();

        Assert.Contains(rid, platforms);
        Assert.All(platforms, platform => Assert.True(platform is "unix" || platform == os || (platform!.StartsWith(os + "-") && platform.EndsWith("-" + architecture)),
            $"{platform}: another OS's or architecture's libraries in the build"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"), "*onnxruntime*"));
    }
}
