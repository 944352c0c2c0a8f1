using Cutout.Tests;
using Cutout.Train;
using Cutout.Training.Models;
using Cutout.Training.Onnx;
using Xunit;
using static Cutout.Training.Tests.Onnx.ExportFixtures;

namespace Cutout.Training.Tests.Onnx;

/// <summary><c>cutout-train export</c> from a checkpoint saved the way training saves it (Module.save).</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class ExportCommandTests : IDisposable
{
    readonly TempFolder dir = new("cutout-export-cmd-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Exports_a_checkpoint_to_onnx_and_sidecar_that_match_the_weights()
    {
        var checkpoint = Path.Combine(dir, "best.bin");
        float[] expected;
        TorchSharp.torch.manual_seed(0);
        using (var trained = ModelRegistry.Create("unet-resnet18", pretrained: false))
        {
            using var calibration = RandomImages(2, 64, 64, seed: 4);
            Calibrate(trained, calibration, seed: 5);
            trained.save(checkpoint);
            using var probe = RandomImages(1, 64, 64, seed: 6);
            expected = TorchProbabilities(trained, probe);
        }

        var onnx = Path.Combine(dir, "models", "people.onnx");
        int rc = ExportCommand.Run(["--checkpoint", checkpoint, "--arch", "unet-resnet18", "--size", "64", "--out", onnx, "--name", "people"]);

        Assert.Equal(0, rc);
        Assert.True(File.Exists(Path.Combine(dir, "models", "people.json")));
        Assert.Equal("people", global::Cutout.ModelSpec.Read(Path.Combine(dir, "models", "people.json")).Name);
        using var input = RandomImages(1, 64, 64, seed: 6);
        Assert.True(MaxAbsDiff(expected, OnnxProbabilities(onnx, input)) < 1e-4);
    }

    [Fact]
    public void Exports_an_earlier_fp16_export_again_at_another_size_in_fp32()
    {
        var checkpoint = Path.Combine(dir, "best.bin");
        TorchSharp.torch.manual_seed(0);
        using var trained = ModelRegistry.Create("unet-resnet18", pretrained: false);
        using (var calibration = RandomImages(2, 64, 64, seed: 4)) Calibrate(trained, calibration, seed: 5);
        trained.save(checkpoint);
        var first = Path.Combine(dir, "first.onnx");
        Assert.Equal(0, ExportCommand.Run(["--checkpoint", checkpoint, "--arch", "unet-resnet18", "--size", "64", "--out", first, "--fp16"]));

        var again = Path.Combine(dir, "again.onnx");
        Assert.Equal(0, ExportCommand.Run(["--checkpoint", first, "--arch", "unet-resnet18", "--size", "96", "--out", again]));

        Assert.Equal(96, global::Cutout.ModelSpec.Read(Path.Combine(dir, "again.json")).Width);
        Assert.True(new FileInfo(again).Length > 1.9 * new FileInfo(first).Length, "float32 weights again");
        using var fromFirst = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(fromFirst, first);
        using var input = RandomImages(1, 96, 96, seed: 6);
        var exported = OnnxProbabilities(again, input);
        Assert.True(MaxAbsDiff(exported, TorchProbabilities(fromFirst, input)) < 1e-4, "the first file's weights, exactly");
        Assert.True(MaxAbsDiff(exported, TorchProbabilities(trained, input)) < 5e-2, "the trained weights, to fp16 precision");
    }

    [Fact]
    public void Missing_checkpoint_is_reported() =>
        Assert.Throws<FileNotFoundException>(() => ExportCommand.Run(
            ["--checkpoint", Path.Combine(dir, "none.bin"), "--arch", "unet-vgg16", "--out", Path.Combine(dir, "x.onnx")]));

    [Fact]
    public void A_checkpoint_of_another_architecture_is_rejected()
    {
        var checkpoint = Path.Combine(dir, "vgg.bin");
        using (var vgg = ModelRegistry.Create("unet-vgg16", pretrained: false)) vgg.save(checkpoint);
        var output = Path.Combine(dir, "x.onnx");
        var error = Assert.Throws<InvalidOperationException>(() => ExportCommand.Run(
            ["--checkpoint", checkpoint, "--arch", "unet-resnet18", "--size", "64", "--out", output]));
        Assert.StartsWith($"{checkpoint} is not a unet-resnet18 checkpoint: ", error.Message);
        Assert.False(File.Exists(output), "nothing is written for a rejected checkpoint");
    }
}
