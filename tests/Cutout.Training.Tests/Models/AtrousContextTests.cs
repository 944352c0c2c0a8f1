using Cutout.Tests;
using Cutout.Training.Models;
using Cutout.Training.Native;
using Cutout.Training.Onnx;
using Cutout.Training.Tests.Onnx;
using Cutout.Training.Training;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Models;

/// <summary>unet-resnet18-gc-atrous: dilated context branches that start as nothing, warm-started from the models they extend, and learn.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class AtrousContextTests(ITestOutputHelper output)
{
    readonly string dir = TestTemp.Folder("cutout-atrous-");

    [Theory]
    [InlineData("unet-resnet18-gc", ".bin", "the atrous context block is new")]
    [InlineData("unet-resnet18-gc", ".onnx", "the atrous context block is new")]
    [InlineData("unet-resnet18", ".bin", "the global context and atrous context blocks are new")]
    [InlineData("unet-resnet18", ".onnx", "the global context and atrous context blocks are new")]
    public void Started_from_the_weights_it_extends_it_computes_what_they_compute(string from, string extension, string logged)
    {
        using var input = RandomImages(2, 128, 160, seed: 3);
        using var source = CalibratedModel(from, input, seed: 0);
        var path = Path.Combine(dir, from + extension);
        if (extension == ".onnx") OnnxExporter.Export(source, 128, 160, path);
        else source.save(path);

        manual_seed(7);
        using var extended = ModelRegistry.Create("unet-resnet18-gc-atrous", pretrained: false);
        var message = InitialWeights.Load(extended, path);

        var expected = TorchProbabilities(source, input);
        var diff = MaxAbsDiff(expected, TorchProbabilities(extended, input));
        output.WriteLine($"{message}; max abs diff {diff:E2}");
        Assert.Contains(logged, message);
        Assert.True(diff < (extension == ".onnx" ? 5e-5 : 1e-6), $"max abs diff {diff}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Fact]
    public void Its_weights_change_the_output_and_are_refused_by_the_architectures_without_it()
    {
        using var input = RandomImages(1, 128, 160, seed: 3);
        using var extended = CalibratedModel("unet-resnet18-gc-atrous", input, seed: 0);
        var path = Path.Combine(dir, "atrous.bin");
        extended.save(path);

        using var withoutBlock = ModelRegistry.Create("unet-resnet18-gc", pretrained: false);
        var error = Assert.Throws<InvalidDataException>(() => InitialWeights.Load(withoutBlock, path));
        output.WriteLine(error.Message);
        Assert.Contains("decoder.atrous.", error.Message);

        using var reloaded = ModelRegistry.Create("unet-resnet18-gc-atrous", pretrained: false);
        Assert.DoesNotContain("new", InitialWeights.Load(reloaded, path));
        Assert.Equal(TorchProbabilities(extended, input), TorchProbabilities(reloaded, input));
        using var silenced = (Unet)ModelRegistry.Create("unet-resnet18-gc-atrous", pretrained: false);
        InitialWeights.Load(silenced, path);
        using (no_grad()) silenced.decoder.atrous!.project.weight.zero_();
        Assert.True(MaxAbsDiff(TorchProbabilities(extended, input), TorchProbabilities(silenced, input)) > 1e-3,
            "the block's output does not reach the model's");
    }

    [Fact]
    public void Its_zero_start_learns()
    {
        TorchRuntime.ApplyEnvironment(); // training's kernels: on this CPU oneDNN's gradients can be NaN (issue 16)
        manual_seed(0);
        using var model = (Unet)ModelRegistry.Create("unet-resnet18-gc-atrous");
        model.FreezeEncoder(true);
        var atrous = model.decoder.atrous!;
        using var nearBefore = atrous.near.weight.detach().clone();
        using var input = tensor(RealPhoto.AstronautPlanar(128, 128), [1, 3, 128, 128]);
        using var target = (input[.., ..1] > 127).to_type(ScalarType.Float32);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        model.train();
        for (int step = 0; step < 2; step++)
        {
            optimizer.zero_grad();
            using var logits = model.forward(input);
            using var loss = nn.functional.binary_cross_entropy_with_logits(logits, target);
            loss.backward();
            optimizer.step();
        }

        var projectMoved = atrous.project.weight.abs().max().item<float>();
        var nearMoved = (atrous.near.weight - nearBefore).abs().max().item<float>();
        output.WriteLine($"after two steps: |project| max {projectMoved:E2}, near branch moved {nearMoved:E2}");
        Assert.True(projectMoved > 0, "the zero-initialised projection got no gradient");
        Assert.True(nearMoved > 0, "the dilated branch got no gradient through the projection");
    }
}
