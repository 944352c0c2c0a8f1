using System.Diagnostics;
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
    readonly string run = Directory.CreateTempSubdirectory("cutout-smoke-run-").FullName;

    public void Dispose() => Directory.Delete(run, true);

    string[] TrainArgs => ["train", "--arch", "unet-resnet18", "--data", Path.Combine(TestPaths.DataRoot, "people"),
        "--train-split", "smoke", "--val-split", "smoke", "--size", "64", "--batch", "1", "--epochs", "3",
        "--checkpoint-every", "1", "--threads", "2", "--out", run];

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

        var (code, stdout) = await CutoutTrain.RunAsync(TrainArgs);
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Contains("resuming from", stdout);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json")));
        var epochs = report.RootElement.GetProperty("epochs");
        Assert.Equal(3, epochs.GetArrayLength());
        Assert.All(epochs.EnumerateArray(), e => Assert.InRange(e.GetProperty("validation_iou").GetDouble(), 0, 1));
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

    static int BatchesDone(string statePath)
    {
        try { return JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.GetProperty("total_batches").GetInt32(); }
        catch (Exception e) when (e is IOException or JsonException) { return 0; }
    }
}

/// <summary>Runs the built cutout-train as a separate process, as a user would.</summary>
static class CutoutTrain
{
    static string Dll => Path.Combine(AppContext.BaseDirectory, "cutout-train.dll");

    public static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
