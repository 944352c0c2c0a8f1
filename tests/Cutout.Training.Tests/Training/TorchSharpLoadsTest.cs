using System.Text;
using Xunit;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Training;

public class TorchSharpLoadsTest
{
    const string Glibcxx = "GLIBCXX_3.4.32";

    static string CacheCopy => Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                                            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                                            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    static string OutputCopy =>
        Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).First();

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
        Assert.True(File.Exists(CacheCopy), $"expected the NuGet cache copy at {CacheCopy}");
        var flags = ElfVersionNeeds.Read(File.ReadAllBytes(CacheCopy));
        Assert.True(flags.ContainsKey(Glibcxx), $"the cache copy should require {Glibcxx}: {string.Join(", ", flags.Keys)}");
        Assert.Equal(0, flags[Glibcxx] & ElfVersionNeeds.WeakFlag);
    }

    [Fact]
    public void OutputCopyIsMarkedWeakExactlyWhenTheSystemLibstdcxxLacksTheVersion()
    {
        var output = File.ReadAllBytes(OutputCopy);
        var weak = (ElfVersionNeeds.Read(output)[Glibcxx] & ElfVersionNeeds.WeakFlag) != 0;
        Assert.Equal(!SystemLibstdcxxDefines(Glibcxx), weak);
        var cached = File.ReadAllBytes(CacheCopy);
        Assert.Equal(cached.Length, output.Length);
        Assert.True(cached.Zip(output).Count(p => p.First != p.Second) <= 1, "only the one flag byte may differ");
    }

    static bool SystemLibstdcxxDefines(string version)
    {
        var library = new[] { "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .First(File.Exists);
        return File.ReadAllBytes(library).AsSpan().IndexOf(Encoding.ASCII.GetBytes(version + "\0")) >= 0;
    }
}
