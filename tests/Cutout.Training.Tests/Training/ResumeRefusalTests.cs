using Cutout.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Training;

/// <summary>A run folder resumes only as the run it holds: another network or optimizer is refused by name, before loading.</summary>
public sealed class ResumeRefusalTests(ITestOutputHelper output)
{
    static string[] ShortRun(string run) => CutoutTrain.SmokeRun(run, "--batch", "1", "--epochs", "1", "--max-batches", "2",
        "--checkpoint-every", "1", "--threads", "1");

    [DataFact]
    public async Task A_run_resumed_with_or_without_weight_decay_against_its_start_is_refused_before_loading()
    {
        using var folder = new TempFolder("cutout-resume-");
        var run = Path.Combine(folder, "run");
        string[] Args(params string[] decay) => [.. ShortRun(run), .. decay];
        var (code, stdout) = await CutoutTrain.RunAsync(Args("--weight-decay", "0.02"));
        output.WriteLine(stdout);
        Assert.Equal(0, code);

        (code, stdout) = await CutoutTrain.RunAsync(Args());
        output.WriteLine(stdout);
        Assert.NotEqual(0, code);
        Assert.Contains("holds a run trained with --weight-decay 0.02; resume it the same way or use another --out", stdout);

        (code, stdout) = await CutoutTrain.RunAsync(Args("--weight-decay", "0.02"));
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Contains($"resuming from {run}", stdout);
    }

    [DataFact]
    public async Task A_run_resumed_as_another_architecture_is_refused_by_name()
    {
        using var folder = new TempFolder("cutout-resume-");
        var run = Path.Combine(folder, "run");
        var (code, stdout) = await CutoutTrain.RunAsync([.. ShortRun(run), "--arch", "unet-resnet18"]);
        output.WriteLine(stdout);
        Assert.Equal(0, code);

        (code, stdout) = await CutoutTrain.RunAsync([.. ShortRun(run), "--arch", "unet-resnet18-gc"]);
        output.WriteLine(stdout);
        Assert.NotEqual(0, code);
        Assert.Contains($"{run} holds a unet-resnet18 run at 64 px; use another --out", stdout);
    }
}
