using System.Text.Json;
using Cutout.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Training;

/// <summary><c>--train-sizes</c>: multi-scale training in a real trainer process.</summary>
public sealed class TrainSizesTests(ITestOutputHelper output)
{
    [DataFact]
    public async Task A_run_at_several_sizes_trains_validates_at_size_and_records_its_sizes()
    {
        using var folder = new TempFolder("cutout-sizes-");
        var run = Path.Combine(folder, "run");
        var (code, stdout) = await CutoutTrain.RunAsync(CutoutTrain.SmokeRun(run, "--train-sizes", "64,96,128", "--batch", "1",
            "--epochs", "1", "--threads", "1"));
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Contains("training at 64, 96, 128 px (one size drawn per batch), validating at 64 px", stdout);
        Assert.Contains("val loss", stdout);
        var options = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "checkpoint", "state.json"))).RootElement.GetProperty("options");
        Assert.Equal([64, 96, 128], options.GetProperty("train_sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(64, options.GetProperty("size").GetInt32());
    }
}
