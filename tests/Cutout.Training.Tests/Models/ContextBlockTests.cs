using Cutout.Tests;
using Cutout.Training.Models;
using Cutout.Training.Native;
using Cutout.Training.Onnx;
using Cutout.Training.Tests.Onnx;
using Cutout.Training.Training;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Models;

/// <summary>
/// The context blocks of unet-resnet18-gc and unet-resnet18-gc-atrous start as nothing, so a warm start from the
/// architecture they extend is exact; they learn; and weights that do not fit an architecture are refused.
/// </summary>
[Collection(SeededTorchCollection.Name)]
public sealed class ContextBlockTests(ITestOutputHelper output) : IDisposable
{
    const int Height = 128, Width = 160; // a 4 x 5 deepest map, so the dilated convs read real neighbours

    readonly TempFolder dir = new("cutout-context-");

    public void Dispose() => dir.Dispose();

    string Save(SegmentationModel model, string extension)
    {
        var path = Path.Combine(dir, model.Architecture + extension);
        if (extension == ".onnx") OnnxExporter.Export(model, Height, Width, path);
        else model.save(path);
        return path;
    }

    [Theory]
    [InlineData("unet-resnet18", "unet-resnet18-gc", ".bin", "the global context block is new")]
    [InlineData("unet-resnet18", "unet-resnet18-gc", ".onnx", "the global context block is new")]
    [InlineData("unet-resnet18-gc", "unet-resnet18-gc-atrous", ".bin", "the atrous context block is new")]
    [InlineData("unet-resnet18-gc", "unet-resnet18-gc-atrous", ".onnx", "the atrous context block is new")]
    [InlineData("unet-resnet18", "unet-resnet18-gc-atrous", ".bin", "the global context and atrous context blocks are new")]
    [InlineData("unet-resnet18", "unet-resnet18-gc-atrous", ".onnx", "the global context and atrous context blocks are new")]
    public void Started_from_the_weights_it_extends_it_computes_what_they_compute(string from, string to, string extension, string logged)
    {
        using var input = RandomImages(2, Height, Width, seed: 3);
        using var source = CalibratedModel(from, input, seed: 0);
        var path = Save(source, extension);

        manual_seed(7);
        using var extended = ModelRegistry.Create(to, pretrained: false);
        var message = InitialWeights.Load(extended, path);

        var expected = TorchProbabilities(source, input);
        var diff = MaxAbsDiff(expected, TorchProbabilities(extended, input));
        output.WriteLine($"{message}; max abs diff {diff:E2}");
        Assert.Contains(logged, message);
        Assert.True(diff < (extension == ".onnx" ? 5e-5 : 1e-6), $"max abs diff {diff}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Theory]
    [InlineData("unet-resnet18-gc")]
    [InlineData("unet-resnet18-gc-atrous")]
    public void A_checkpoint_of_its_own_architecture_loads_whole_and_its_last_block_reaches_the_output(string architecture)
    {
        using var input = RandomImages(1, Height, Width, seed: 3);
        using var trained = CalibratedModel(architecture, input, seed: 0);
        var path = Save(trained, ".bin");

        using var loaded = (Unet)ModelRegistry.Create(architecture, pretrained: false);
        Assert.DoesNotContain("new", InitialWeights.Load(loaded, path));
        var expected = TorchProbabilities(trained, input);
        Assert.Equal(expected, TorchProbabilities(loaded, input));

        using (no_grad()) ZeroStarted(loaded).zeroStarted.weight.zero_();
        Assert.True(MaxAbsDiff(expected, TorchProbabilities(loaded, input)) > 1e-3, "the block's output does not reach the model's");
    }

    [Theory]
    [InlineData("unet-resnet18-gc", "unet-resnet18", ".bin")]
    [InlineData("unet-resnet18-gc", "unet-resnet18", ".onnx")]
    [InlineData("unet-resnet18-gc-atrous", "unet-resnet18-gc", ".bin")]
    [InlineData("unet-resnet18-gc-atrous", "unet-resnet18-gc", ".onnx")]
    [InlineData("unet-vgg16", "unet-resnet18-gc", ".bin")]
    public void Weights_that_do_not_fit_the_architecture_are_refused(string from, string to, string extension)
    {
        using var input = RandomImages(1, Height, Width, seed: 3);
        using var source = CalibratedModel(from, input, seed: 0);
        var path = Save(source, extension);
        using var model = ModelRegistry.Create(to, pretrained: false);

        var error = Assert.ThrowsAny<Exception>(() => InitialWeights.Load(model, path));
        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.True(error is InvalidDataException or OnnxImportException, error.ToString());
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("unet-resnet18-gc")]
    [InlineData("unet-resnet18-gc-atrous")]
    public void Its_zero_start_learns(string architecture)
    {
        TorchRuntime.ApplyEnvironment(); // training's kernels: on this CPU oneDNN's gradients can be NaN (issue 16)
        manual_seed(0);
        using var model = (Unet)ModelRegistry.Create(architecture);
        model.FreezeEncoder(true);
        var (zeroStarted, feeding) = ZeroStarted(model);
        using var feedingBefore = feeding.weight.detach().clone();
        using var input = tensor(RealPhoto.AstronautPlanar(Height, Height), [1, 3, Height, Height]);
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

        var zeroStartedMoved = zeroStarted.weight.abs().max().item<float>();
        var feedingMoved = (feeding.weight - feedingBefore).abs().max().item<float>();
        output.WriteLine($"after two steps: zero-started conv max {zeroStartedMoved:E2}, the conv feeding it moved {feedingMoved:E2}");
        Assert.True(zeroStartedMoved > 0, "the zero-initialised conv got no gradient");
        Assert.True(feedingMoved > 0, "the conv before it got no gradient through it");
    }

    /// <summary>The model's last context block: its zero-started conv and a conv that feeds it.</summary>
    static (Conv2d zeroStarted, Conv2d feeding) ZeroStarted(Unet model) =>
        model.decoder.atrous is { } atrous ? (atrous.project, atrous.near) : (model.decoder.context!.expand, model.decoder.context.reduce);
}
