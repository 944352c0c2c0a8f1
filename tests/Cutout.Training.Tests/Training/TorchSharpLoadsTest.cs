using Xunit;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Training;

public class TorchSharpLoadsTest
{
    [Fact]
    public void NativeBackendLoadsAndComputes()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var product = matmul(a, a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, product.data<float>().ToArray());
    }

    [Fact]
    public void NuGetCacheCopyIsNeverPatched()
    {
        var output = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).First();
        var cache = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                                 Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                                 "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(cache), $"expected the NuGet cache copy at {cache}");
        var cached = File.ReadAllBytes(cache);
        var copied = File.ReadAllBytes(output);
        Assert.Equal(cached.Length, copied.Length);
        int differing = cached.Zip(copied).Count(p => p.First != p.Second);
        // Either untouched (a system libstdc++ new enough) or exactly the one flag byte changed, never the cache.
        Assert.InRange(differing, 0, 1);
    }
}
