using Xunit;
using Cutout.Training.Native;

namespace Cutout.Training.Tests.Native;

public class OneDnnPolicyTests
{
    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData("0", true, false)]
    [InlineData("0", false, false)]
    [InlineData("1", false, true)]
    [InlineData(" 1 ", true, true)]
    [InlineData("yes", false, false)]
    public void OneDnn_is_off_where_the_cpu_hides_its_caches_unless_the_variable_says_otherwise(string? setting, bool cachesReported, bool enabled)
    {
        var (on, reason) = OneDnnPolicy.Decide(setting, cachesReported);
        Assert.Equal(enabled, on);
        Assert.Equal(setting is null && cachesReported || setting?.Trim() == "1" && cachesReported, reason is null);
    }

    [Fact]
    public void Training_on_this_cpu_uses_oneDnn_only_where_its_caches_are_reported()
    {
        TorchRuntime.ApplyEnvironment();
        var line = TorchRuntime.Describe();
        if (Environment.GetEnvironmentVariable(OneDnnPolicy.Variable) is not null) return;
        Assert.Contains(CpuCacheTopology.Reported() ? "(on)" : "(off: this CPU reports no cache hierarchy", line);
    }
}
