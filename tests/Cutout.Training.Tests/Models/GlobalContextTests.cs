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

/// <summary>unet-resnet18-gc: a global context block that starts as nothing, warm-started from unet-resnet18 weights, and learns.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class GlobalContextTests(ITestOutputHelper output)
{
    readonly string dir = TestTemp.Folder("cutout-context-");

    [Theory]
    [InlineData(".bin")]
    [InlineData(".onnx")]
    public void Started_from_unet_resnet18_weights_it_computes_what_they_compute(string extension)
    {
        using var input = RandomImages(2, 64, 96, seed: 3);
        using var plain = CalibratedModel("unet-resnet18", input, seed: 0);
        var path = Path.Combine(dir, "plain" + extension);
        if (extension == ".onnx") OnnxExporter.Export(plain, 64, 96, path);
        else plain.save(path);

        manual_seed(7);
        using var extended = ModelRegistry.Create("unet-resnet18-gc", pretrained: false);
        var message = InitialWeights.Load(extended, path);

        var expected = TorchProbabilities(plain, input);
        var diff = MaxAbsDiff(expected, TorchProbabilities(extended, input));
        output.WriteLine($"{message}; max abs diff {diff:E2}");
        Assert.Contains("global context block is new", message);
        Assert.True(diff < (extension == ".onnx" ? 5e-5 : 1e-6), $"max abs diff {diff}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Fact]
    public void A_checkpoint_of_its_own_architecture_loads_whole()
    {
        using var input = RandomImages(1, 64, 64, seed: 3);
        using var trained = CalibratedModel("unet-resnet18-gc", input, seed: 0);
        var path = Path.Combine(dir, "gc.bin");
        trained.save(path);

        manual_seed(7);
        using var loaded = ModelRegistry.Create("unet-resnet18-gc", pretrained: false);
        var message = InitialWeights.Load(loaded, path);

        Assert.DoesNotContain("new", message);
        Assert.Equal(TorchProbabilities(trained, input), TorchProbabilities(loaded, input));
    }

    [Fact]
    public void Its_zero_start_learns()
    {
        TorchRuntime.ApplyEnvironment(); // training's kernels: on this CPU oneDNN's gradients can be NaN (issue 16)
        manual_seed(0);
        using var model = (Unet)ModelRegistry.Create("unet-resnet18-gc");
        model.FreezeEncoder(true);
        var context = model.decoder.context!;
        using var reduceBefore = context.reduce.weight.detach().clone();
        using var input = tensor(RealPhoto.AstronautPlanar(64, 64), [1, 3, 64, 64]);
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

        var expandMoved = context.expand.weight.abs().max().item<float>();
        var reduceMoved = (context.reduce.weight - reduceBefore).abs().max().item<float>();
        output.WriteLine($"after two steps: |expand| max {expandMoved:E2}, reduce moved {reduceMoved:E2}");
        Assert.True(expandMoved > 0, "the zero-initialised conv got no gradient");
        Assert.True(reduceMoved > 0, "the first conv got no gradient through the second");
    }

    [Fact]
    public void Weights_of_another_encoder_are_refused()
    {
        using var vgg = ModelRegistry.Create("unet-vgg16", pretrained: false);
        var path = Path.Combine(dir, "vgg.bin");
        vgg.save(path);
        using var model = ModelRegistry.Create("unet-resnet18-gc", pretrained: false);

        var error = Assert.Throws<InvalidDataException>(() => InitialWeights.Load(model, path));
        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.Contains(path, error.Message);
    }
    [Theory]
    [InlineData(".bin")]
    [InlineData(".onnx")]
    public void Its_weights_are_refused_by_the_plain_architecture(string extension)
    {
        using var input = RandomImages(1, 64, 64, seed: 3);
        using var extended = CalibratedModel("unet-resnet18-gc", input, seed: 0);
        var path = Path.Combine(dir, "gc" + extension);
        if (extension == ".onnx") OnnxExporter.Export(extended, 64, 64, path);
        else extended.save(path);
        using var plain = ModelRegistry.Create("unet-resnet18", pretrained: false);

        var error = Assert.ThrowsAny<Exception>(() => InitialWeights.Load(plain, path));
        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.True(error is InvalidDataException or OnnxImportException, error.ToString());
        Assert.Contains(path, error.Message);
    }
}
