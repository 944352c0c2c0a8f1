using Cutout.Tests;
using Cutout.Train;
using Cutout.Training.Models;
using Cutout.Training.Tests.Onnx;
using Cutout.Training.Training;
using Xunit;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Training;

/// <summary><c>cutout-train average</c>: the weighted mean of several checkpoints' weights (a model soup).</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class WeightAverageTests : IDisposable
{
    const int Size = 64;
    readonly TempFolder dir = new("cutout-average-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Each_floating_point_tensor_becomes_the_weighted_mean_and_batch_counts_come_from_the_first()
    {
        using var input = RandomImages(2, Size, Size, seed: 3);
        using var first = CalibratedModel("unet-resnet18", input, seed: 0);
        using var second = CalibratedModel("unet-resnet18", input, seed: 10);
        using (no_grad())
            foreach (var (name, tensor) in second.state_dict())
                if (!tensor.is_floating_point()) tensor.fill_(5);

        using var average = ModelRegistry.Create("unet-resnet18", pretrained: false);
        WeightAverage.Into(average, [first, second], [1, 3]);

        var a = first.state_dict();
        var b = second.state_dict();
        int floats = 0, counts = 0;
        foreach (var (name, tensor) in average.state_dict())
        {
            if (tensor.is_floating_point())
            {
                using var expected = a[name] * 0.25 + b[name] * 0.75;
                Assert.True(tensor.allclose(expected, rtol: 1e-5, atol: 1e-6), $"{name} is not the weighted mean");
                floats++;
            }
            else
            {
                Assert.True(tensor.eq(a[name]).all().item<bool>(), $"{name} does not come from the first model");
                Assert.False(tensor.eq(b[name]).all().item<bool>());
                counts++;
            }
        }
        Assert.True(floats > 100 && counts > 10, $"{floats} float tensors and {counts} batch counts compared");
        Assert.False(a["head.weight"].allclose(b["head.weight"]), "the two models should differ");
    }

    [Fact]
    public void The_mean_of_a_model_with_itself_computes_what_it_computes()
    {
        using var input = RandomImages(2, Size, Size, seed: 3);
        using var model = CalibratedModel("unet-resnet18", input, seed: 0);
        manual_seed(99);
        using var average = ModelRegistry.Create("unet-resnet18", pretrained: false);
        WeightAverage.Into(average, [model, model, model], [1, 1, 1]);
        average.eval();

        var expected = TorchProbabilities(model, input);
        Assert.True(MaxAbsDiff(expected, TorchProbabilities(average, input)) < 1e-5);
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Fact]
    public void Models_of_another_architecture_are_refused()
    {
        using var input = RandomImages(1, Size, Size, seed: 3);
        using var plain = CalibratedModel("unet-resnet18", input, seed: 0);
        using var extended = CalibratedModel("unet-resnet18-gc", input, seed: 1);
        using var target = ModelRegistry.Create("unet-resnet18", pretrained: false);

        var error = Assert.Throws<InvalidOperationException>(() => WeightAverage.Into(target, [plain, extended], [1, 1]));
        Assert.Contains("model 2 has a tensor decoder.context.", error.Message);
    }

    [Fact]
    public void The_command_writes_a_checkpoint_that_export_reads_and_never_overwrites_an_input()
    {
        using var input = RandomImages(1, Size, Size, seed: 3);
        var paths = new[] { 0, 10 }.Select(seed =>
        {
            using var model = CalibratedModel("unet-resnet18", input, seed);
            var path = Path.Combine(dir, $"seed{seed}.bin");
            model.save(path);
            return path;
        }).ToArray();
        var before = File.ReadAllBytes(paths[0]);

        var refused = Assert.Throws<ArgumentException>(() => AverageCommand.Run(
            ["--arch", "unet-resnet18", "--checkpoints", string.Join(',', paths), "--out", paths[0]]));
        Assert.Contains("must not be one of the checkpoints", refused.Message);
        Assert.Equal(before, File.ReadAllBytes(paths[0]));
        Assert.Throws<ArgumentException>(() => AverageCommand.Run(
            ["--arch", "unet-resnet18", "--checkpoints", string.Join(',', paths), "--weights", "1", "--out", Path.Combine(dir, "x.bin")]));
        Assert.Throws<ArgumentException>(() => AverageCommand.Run(
            ["--arch", "unet-resnet18", "--checkpoints", paths[0], "--out", Path.Combine(dir, "x.bin")]));

        var soup = Path.Combine(dir, "soup", "best.bin");
        Assert.Equal(0, AverageCommand.Run(["--arch", "unet-resnet18", "--checkpoints", string.Join(',', paths), "--out", soup]));
        using var loaded = ModelFiles.Load("unet-resnet18", soup);
        using var first = ModelFiles.Load("unet-resnet18", paths[0]);
        using var second = ModelFiles.Load("unet-resnet18", paths[1]);
        using var expected = (first.state_dict()["head.weight"] + second.state_dict()["head.weight"]) / 2;
        Assert.True(loaded.state_dict()["head.weight"].allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.False(File.Exists(soup + ".partial"));
    }
}
