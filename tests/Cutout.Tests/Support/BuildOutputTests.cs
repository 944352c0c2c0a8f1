using System.Runtime.InteropServices;
using Xunit;

namespace Cutout.Tests;

/// <summary>A build copies only this machine's platform's native libraries (build/HostRuntimeAssets.targets).</summary>
public class BuildOutputTests
{
    [Fact]
    public void A_build_holds_this_platforms_native_libraries_and_no_other_platforms()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        string[] thisPlatform = [rid, rid.Split('-')[0], "unix"];
        var platforms = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "runtimes"))
            .Where(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())   // a later build empties, never removes, them
            .Select(Path.GetFileName).ToList();

        Assert.Contains(rid, platforms);
        Assert.All(platforms, platform => Assert.Contains(platform, thisPlatform));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"), "*onnxruntime*"));
    }
}
