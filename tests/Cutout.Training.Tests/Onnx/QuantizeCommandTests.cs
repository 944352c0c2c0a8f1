using Cutout.Tests;
using Cutout.Train;
using Cutout.Training.Models;
using Cutout.Training.Onnx;
using Cutout.Training.Onnx.Proto;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Onnx;

/// <summary><c>cutout-train quantize</c> on a small exported U-Net: what ONNX Runtime makes of the int8 file, and its outputs.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class QuantizeCommandTests(ITestOutputHelper output) : IDisposable
{
    const int Size = 64;
    readonly TempFolder dir = new("quantize-");

    public void Dispose() => dir.Dispose();

    /// <summary>A U-Net with realistic BatchNorm statistics, exported at 64x64.</summary>
    string ExportSmallModel(bool fp16, string architecture = "unet-resnet18")
    {
        manual_seed(0);
        using var model = ModelRegistry.Create(architecture, pretrained: false);
        using var calibration = RandomImages(2, Size, Size, seed: 1);
        Calibrate(model, calibration, seed: 2);
        var path = Path.Combine(dir, fp16 ? "float16.onnx" : "float32.onnx");
        OnnxExporter.Export(model, Size, Size, path, fp16);
        return path;
    }

    /// <summary>A training-split folder holding the sample photo a few times over (no research data needed).</summary>
    string CalibrationFolder()
    {
        var images = Directory.CreateDirectory(Path.Combine(dir, "photos", "train", "images")).FullName;
        for (var i = 0; i < 3; i++) File.Copy(TestPaths.Astronaut, Path.Combine(images, $"astronaut{i}.png"));
        return Path.GetDirectoryName(images)!;
    }

    [Fact]
    public void Weight_only_int8_is_a_quarter_of_float32_and_computes_nearly_the_same()
    {
        var float32 = ExportSmallModel(fp16: false);
        var int8 = Path.Combine(dir, "weights.onnx");

        Assert.Equal(0, QuantizeCommand.Run([float32, "--out", int8]));

        using var input = RandomImages(2, Size, Size, seed: 3);
        var expected = OnnxProbabilities(float32, input);
        var actual = OnnxProbabilities(int8, input);
        var meanDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Average();
        var (floatBytes, int8Bytes) = (new FileInfo(float32).Length, new FileInfo(int8).Length);
        output.WriteLine($"weight-only int8: max abs diff {MaxAbsDiff(expected, actual):E2}, mean {meanDiff:E2}, " +
                         $"unsaturated {UnsaturatedShare(expected):P0}; {int8Bytes:N0} bytes vs {floatBytes:N0}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
        // Random weights with calibrated BatchNorm: 0.14 max and 0.013 mean when written (fp16 weights: under 0.02 max).
        Assert.True(MaxAbsDiff(expected, actual) < 0.2, $"max abs diff {MaxAbsDiff(expected, actual)}");
        Assert.True(meanDiff < 0.02, $"mean abs diff {meanDiff}");
        Assert.InRange(int8Bytes, floatBytes * 0.24, floatBytes * 0.30);
        Assert.Equal("int8-weights", ModelSpec.Read(OnnxExporter.SidecarPath(int8)).Precision);
    }

    [Theory]
    [InlineData("unet-resnet18")]
    [InlineData("unet-resnet18-gc")]
    [InlineData("unet-resnet18-gc-atrous")]
    public void With_activations_onnx_runtime_runs_every_convolution_but_the_head_as_QLinearConv(string architecture)
    {
        var float16 = ExportSmallModel(fp16: true, architecture);
        var int8 = Path.Combine(dir, "int8.onnx");

        Assert.Equal(0, QuantizeCommand.Run([float16, "--out", int8, "--activations", "--calibrate", CalibrationFolder(), "--version", "9.9.9"]));

        var convs = OnnxModel.Load(float16).Graph.Nodes.Count(n => n.OpType == "Conv");
        var optimized = OptimizedGraph.Nodes(int8);
        output.WriteLine($"{convs} convolutions in float; optimized int8 graph: {OptimizedGraph.Count(optimized, "QLinearConv")} QLinearConv, " +
                         $"{string.Join(", ", optimized.Select(n => n.OpType).Distinct())}; {new FileInfo(int8).Length:N0} bytes vs {new FileInfo(float16).Length:N0}");
        Assert.Equal(convs - 1, OptimizedGraph.Count(optimized, "QLinearConv"));
        // The float head: Conv then Sigmoid, which ONNX Runtime may fuse into one FusedConv.
        Assert.Contains(optimized.Single(n => n.Outputs.Contains(OnnxExporter.OutputName)).OpType, new[] { "Sigmoid", "FusedConv" });
        var spec = ModelSpec.Read(OnnxExporter.SidecarPath(int8));
        Assert.Equal(("int8", "9.9.9"), (spec.Precision, spec.Version));
    }

    [Theory]
    [InlineData("val")]
    [InlineData("test")]
    public void Calibrating_on_a_held_out_split_is_refused(string split)
    {
        var model = ExportSmallModel(fp16: true);
        var heldOut = Directory.CreateDirectory(Path.Combine(dir, "data", split, "images")).FullName;
        File.Copy(TestPaths.Astronaut, Path.Combine(heldOut, "a.png"));
        var int8 = Path.Combine(dir, "refused.onnx");

        var error = Assert.Throws<ArgumentException>(() =>
            QuantizeCommand.Run([model, "--out", int8, "--activations", "--calibrate", Path.GetDirectoryName(heldOut)!]));

        Assert.Contains($"'{split}' is a held-out split", error.Message);
        Assert.False(File.Exists(int8));
    }

    [Fact]
    public void The_command_line_exits_2_with_the_reason_for_a_validation_folder()
    {
        var heldOut = Directory.CreateDirectory(Path.Combine(dir, "people", "val")).FullName;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "cutout-train.dll"), "quantize", Path.Combine(dir, "in.onnx"),
                             "--out", Path.Combine(dir, "out.onnx"), "--activations", "--calibrate", heldOut },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith($"cutout-train: --calibrate {heldOut}: 'val' is a held-out split; calibrate on a training split", stderr);
    }

    [Theory]
    [InlineData("--activations")]
    [InlineData("--calibrate", "photos")]
    [InlineData("--calibrate-count", "4")]
    [InlineData("--activations", "--calibrate", "photos", "--calibrate-count", "0")]
    [InlineData("--out", "x.png")]
    public void Inconsistent_options_are_usage_errors(params string[] options)
    {
        var args = new List<string> { Path.Combine(dir, "in.onnx") };
        if (!options.Contains("--out")) args.AddRange(["--out", Path.Combine(dir, "out.onnx")]);
        args.AddRange(options);
        Assert.Throws<ArgumentException>(() => QuantizeCommand.Run(args.ToArray()));
    }

    [Fact]
    public void An_already_quantized_model_is_refused()
    {
        var float32 = ExportSmallModel(fp16: false);
        var once = Path.Combine(dir, "once.onnx");
        Assert.Equal(0, QuantizeCommand.Run([float32, "--out", once]));

        var error = Assert.Throws<ArgumentException>(() => QuantizeCommand.Run([once, "--out", Path.Combine(dir, "twice.onnx")]));
        Assert.Contains("already quantized", error.Message);
    }
}
