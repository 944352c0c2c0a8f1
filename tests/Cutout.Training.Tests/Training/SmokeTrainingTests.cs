using System.Text.Json;
using Cutout.Tests;
using Cutout.Training.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Training;

/// <summary>
/// The whole pipeline as a user runs it, with real processes on people/smoke: train, SIGKILL mid-run, resume with the
/// same command, export to ONNX, load the file in ONNX Runtime and predict.
/// </summary>
public sealed class SmokeTrainingTests(ITestOutputHelper output) : IDisposable
{
    readonly TempFolder run = new("cutout-smoke-run-");

    public void Dispose() => run.Dispose();

    string[] TrainArgs => CutoutTrain.SmokeRun(run, "--arch", "unet-resnet18", "--batch", "1", "--epochs", "5",
        "--checkpoint-every", "1", "--threads", "2");

    [DataFact]
    public async Task TrainKillResumeExportPredict()
    {
        var statePath = Path.Combine(run, "checkpoint", "state.json");
        using (var first = CutoutTrain.Start(TrainArgs))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!(File.Exists(statePath) && BatchesDone(statePath) >= 2) && !first.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.False(first.HasExited, "the first run should still be going when it is killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        Assert.False(File.Exists(Path.Combine(run, "report.json")) &&
                     JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json"))).RootElement.GetProperty("stopped").GetBoolean());
        var (killedEpoch, killedBatch) = SavedPosition(statePath);

        var (code, stdout) = await CutoutTrain.RunAsync(TrainArgs);
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Matches(@"libtorch \d+\.\d+.*CPU capability \w+.*\d+ threads", stdout);
        Assert.DoesNotContain("Could not initialize NNPACK", stdout);
        Assert.Contains($"resuming from {run}: epoch {killedEpoch}, batch {killedBatch}", stdout);
        Assert.True(killedEpoch > 1 || killedBatch >= 2, $"the kill came after at least two batches (epoch {killedEpoch}, batch {killedBatch})");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json")));
        var epochs = report.RootElement.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(5, epochs.Count);
        Assert.All(epochs, e => Assert.InRange(e.GetProperty("validation_iou").GetDouble(), 0, 1));
        // Learning, not just running: a network whose weights do not improve (or turn NaN) keeps its first-epoch loss.
        // Five random crops an epoch make one epoch's loss noisy (+-2 %, seen 0.600 -> 0.584 over three epochs), so the
        // last two epochs are averaged and the run is long enough for the fall to stand well clear of that noise.
        double firstTrain = epochs[0].GetProperty("train_loss").GetDouble();
        double lastTrain = epochs[^2..].Average(e => e.GetProperty("train_loss").GetDouble());
        double firstValidation = epochs[0].GetProperty("validation_loss").GetDouble(), lastValidation = epochs[^1].GetProperty("validation_loss").GetDouble();
        Assert.True(lastTrain <= 0.95 * firstTrain, $"training loss fell by at least 5 % over the epochs: {firstTrain:F4} -> {lastTrain:F4} (last two averaged)");
        Assert.True(lastValidation < firstValidation, $"validation loss fell: {firstValidation:F4} -> {lastValidation:F4}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(run, "report.png"))[..4]);

        var onnx = Path.Combine(run, "smoke.onnx");
        (code, stdout) = await CutoutTrain.RunAsync(["export", "--checkpoint", Path.Combine(run, "best.bin"),
            "--arch", "unet-resnet18", "--size", "64", "--out", onnx]);
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.ChangeExtension(onnx, ".json")), "the exporter writes the sidecar");

        var sample = FolderPairs.Read(TestPaths.People("smoke"))[0].Load(256);
        var rgb = new float[3 * 64 * 64];
        SampleResizer.Sample(sample, SampleResizer.Crop.Whole(sample), 64, 64, rgb, new float[64 * 64]);
        using var session = new InferenceSession(onnx);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(rgb, [1, 3, 64, 64]))]);
        var probabilities = results.Single(r => r.Name == "output").AsTensor<float>();
        Assert.Equal([1, 1, 64, 64], probabilities.Dimensions.ToArray());
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.True(probabilities.Max() - probabilities.Min() > 0.01f, "a trained model does not predict a constant");
    }

    [DataFact]
    public async Task A_non_finite_loss_stops_the_run_loudly_and_saves_nothing()
    {
        // A learning rate of 1e30 makes the first Adam step push every weight to about 1e30: the next forward pass overflows.
        var (code, stdout) = await CutoutTrain.RunAsync([.. TrainArgs, "--lr", "1e30"]);
        output.WriteLine(stdout);
        Assert.Equal(3, code);
        Assert.Contains("training stopped at epoch 1, batch 2: the model output (loss NaN) is not finite", stdout);
        Assert.False(File.Exists(Path.Combine(run, "best.bin")), "no best weights from a run that never validated");
        Assert.DoesNotContain("batch 3", stdout);
    }

    static (int Epoch, int Batch) SavedPosition(string statePath)
    {
        var state = JsonDocument.Parse(File.ReadAllText(statePath)).RootElement;
        return (state.GetProperty("completed_epochs").GetInt32() + 1, state.GetProperty("batch_in_epoch").GetInt32());
    }

    static int BatchesDone(string statePath)
    {
        try { return JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.GetProperty("total_batches").GetInt32(); }
        catch (Exception e) when (e is IOException or JsonException) { return 0; }
    }
}
