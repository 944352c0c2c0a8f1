using Cutout.Tests;
using Cutout.Training.Models;
using Cutout.Training.Onnx;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Onnx;

/// <summary>ONNX Runtime running our exported file against TorchSharp's forward of the same model.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class OnnxExporterTests(ITestOutputHelper output) : IDisposable
{
    readonly TempFolder dir = new("cutout-export-");

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("unet-resnet18", 128, 128)]
    [InlineData("unet-resnet18", 64, 96)]
    [InlineData("unet-resnet18-gc", 64, 96)]
    [InlineData("unet-resnet18-gc-atrous", 128, 160)]
    [InlineData("unet-vgg16", 128, 128)]
    [InlineData("unet-vgg16", 64, 96)]
    public void Fp32_export_matches_torchsharp(string architecture, int height, int width)
    {
        manual_seed(0);
        using var model = ModelRegistry.Create(architecture);
        using var calibration = RandomImages(2, height, width, seed: 1);
        Calibrate(model, calibration, seed: 2);
        using var input = RandomImages(2, height, width, seed: 3);

        var path = Path.Combine(dir, $"{architecture}.onnx");
        OnnxExporter.Export(model, height, width, path);
        var expected = TorchProbabilities(model, input);
        var actual = OnnxProbabilities(path, input);

        var diff = MaxAbsDiff(expected, actual);
        output.WriteLine($"{architecture} {width}x{height} fp32: max abs diff {diff:E2}, unsaturated {UnsaturatedShare(expected):P0}, {new FileInfo(path).Length:N0} bytes");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Theory]
    [InlineData("unet-resnet18")]
    [InlineData("unet-resnet18-gc")]
    [InlineData("unet-resnet18-gc-atrous")]
    [InlineData("unet-vgg16")]
    public void Fp16_export_is_smaller_and_close(string architecture)
    {
        const int size = 64;
        manual_seed(0);
        using var model = ModelRegistry.Create(architecture);
        using var calibration = RandomImages(2, size, size, seed: 1);
        Calibrate(model, calibration, seed: 2);
        using var input = RandomImages(1, size, size, seed: 3);

        var fp32 = Path.Combine(dir, "fp32.onnx");
        var fp16 = Path.Combine(dir, "fp16.onnx");
        OnnxExporter.Export(model, size, size, fp32);
        OnnxExporter.Export(model, size, size, fp16, fp16: true);
        var expected = TorchProbabilities(model, input);
        var diff = MaxAbsDiff(expected, OnnxProbabilities(fp16, input));
        long size32 = new FileInfo(fp32).Length, size16 = new FileInfo(fp16).Length;

        output.WriteLine($"{architecture} fp16: max abs diff {diff:E2}; file {size16:N0} bytes vs fp32 {size32:N0}");
        Assert.True(diff < 2e-2, $"max abs diff {diff}");
        Assert.InRange(size16, size32 * 0.45, size32 * 0.55);
    }

    [Fact]
    public void Unfolded_batchnorm_export_matches_too()
    {
        manual_seed(0);
        using var model = ModelRegistry.Create("unet-resnet18");
        using var calibration = RandomImages(2, 64, 64, seed: 1);
        Calibrate(model, calibration, seed: 2);
        using var input = RandomImages(1, 64, 64, seed: 3);

        var path = Path.Combine(dir, "bn.onnx");
        OnnxExporter.Build(model, 64, 64, fp16: false, foldBatchNorm: false).Save(path);
        var diff = MaxAbsDiff(TorchProbabilities(model, input), OnnxProbabilities(path, input));
        output.WriteLine($"BatchNormalization nodes: max abs diff {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    [Fact]
    public void Writes_the_sidecar_the_library_reads()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var path = Path.Combine(dir, "people-unet-resnet18-320.onnx");
        OnnxExporter.Export(model, 320, 256, path);

        var spec = global::Cutout.ModelSpec.Read(Path.Combine(dir, "people-unet-resnet18-320.json"));
        Assert.Equal("people-unet-resnet18-320", spec.Name);
        Assert.Equal(("input", "output"), (spec.Input, spec.Output));
        Assert.Equal((256, 320), (spec.Width, spec.Height));
        Assert.Equal("RGB", spec.Channels);
        Assert.Equal(1f, spec.Scale);
        Assert.Equal([0f, 0, 0], spec.Mean);
        Assert.Equal([1f, 1, 1], spec.Std);
        Assert.Equal("probability", spec.OutputKind);
        Assert.Equal("stretch", spec.Resize);
    }

    [Fact]
    public void Rejects_sizes_that_are_not_multiples_of_32()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        Assert.Throws<ArgumentException>(() => OnnxExporter.Export(model, 100, 128, Path.Combine(dir, "x.onnx")));
    }
}
