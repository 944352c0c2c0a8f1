using Cutout.Tests;
using Cutout.Training.Models;
using Cutout.Training.Onnx;
using Cutout.Training.Tests.Onnx;
using Cutout.Training.Tests.Training;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Cutout.Training.Tests.Models;

/// <summary>The layer walk run on tensors, and folded BatchNorms of an export given measured statistics so they train again.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class FoldedBatchNormTests(ITestOutputHelper output)
{
    static string PeopleFloatExport => Path.Combine(TestPaths.RepoRoot, "exports", "people-unet-resnet18.onnx");

    static Tensor Astronaut(int size) => tensor(RealPhoto.AstronautPlanar(size, size), [1, 3, size, size]);

    /// <summary>A randomly initialised U-Net whose BatchNorms hold the statistics of <paramref name="input"/> (none folded).</summary>
    static Unet CalibratedModel(Tensor input)
    {
        manual_seed(0);
        var model = (Unet)ModelRegistry.Create("unet-resnet18", pretrained: false);
        Calibrate(model, input, seed: 5);
        return model;
    }

    static float[] TrainModeProbabilities(Unet model, Tensor input)
    {
        model.train();
        using var _ = no_grad();
        using var logits = model.forward(input);
        using var p = logits.sigmoid();
        return p.data<float>().ToArray();
    }

    [Fact]
    public void The_layer_runner_computes_what_the_model_computes()
    {
        using var input = RandomImages(2, 64, 96, seed: 4);
        using var model = CalibratedModel(input);
        var expected = TorchProbabilities(model, input);

        float[] walked;
        using (no_grad())
        using (NewDisposeScope())
            walked = new ModelWalker<Tensor>(new LayerRunner((_, _) => { })).Unet(input, model).data<float>().ToArray();

        Assert.True(MaxAbsDiff(expected, walked) < 1e-5, $"max abs diff {MaxAbsDiff(expected, walked)}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Fact]
    public void Unfolded_BatchNorms_compute_the_same_and_normalise_by_the_statistics_measured()
    {
        using var model = (Unet)ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(model, PeopleFloatExport);
        var batchNorms = model.modules().OfType<BatchNorm2d>().Count();
        using var photo = Astronaut(96);
        var before = TorchProbabilities(model, photo);
        var folded = TrainModeProbabilities(model, photo);
        OnnxImporter.Import(model, PeopleFloatExport);   // train mode moved the running statistics: start again

        Assert.Equal(batchNorms, FoldedBatchNorm.Unfold(model, [Astronaut(96)]));

        Assert.Empty(FoldedBatchNorm.In(model));
        var after = TorchProbabilities(model, photo);
        var train = TrainModeProbabilities(model, photo);
        output.WriteLine($"eval before/after {MaxAbsDiff(before, after):E2}; train mode on the measured photo {MaxAbsDiff(before, train):E2}, " +
                         $"before unfolding {MaxAbsDiff(before, folded):E2}; person share {before.Count(p => p > 0.5f) / (double)before.Length:P0}");
        Assert.True(MaxAbsDiff(before, after) < 1e-4, $"eval mode changed: {MaxAbsDiff(before, after)}");
        Assert.True(MaxAbsDiff(before, train) < 1e-3, $"batch statistics differ from the measured ones: {MaxAbsDiff(before, train)}");
        Assert.True(MaxAbsDiff(before, folded) > 0.1, "train mode on folded BatchNorms changed little: the test proves nothing");
    }

    [Fact]
    public void A_model_without_folded_BatchNorms_is_left_alone()
    {
        using var input = RandomImages(1, 64, 64, seed: 6);
        using var model = CalibratedModel(input);
        var before = Floats(model).ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());

        Assert.Equal(0, FoldedBatchNorm.Unfold(model, [RandomImages(1, 64, 64, seed: 8)]));

        foreach (var (name, value) in Floats(model))
            Assert.True(before[name].SequenceEqual(value.data<float>().ToArray()), $"{name} changed");
    }

    [DataFact]
    public async Task Training_with_unfold_batchnorm_moves_the_decoders_statistics()
    {
        using var dir = new TempFolder("cutout-unfold-");
        var run = Path.Combine(dir, "run");
        var (code, stdout) = await CutoutTrain.RunAsync(CutoutTrain.SmokeRun(run, "--batch", "2", "--epochs", "1", "--max-batches", "3",
            "--encoder-lr", "1e-4", "--unfreeze-from", "3", "--threads", "1", "--init", PeopleFloatExport, "--unfold-batchnorm"));
        output.WriteLine(stdout);
        Assert.Equal(0, code);

        using var imported = (Unet)ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(imported, PeopleFloatExport);
        var batchNorms = imported.modules().OfType<BatchNorm2d>().Count();
        Assert.Contains($"{batchNorms} folded BatchNorm layers given statistics measured on 5 training photos", stdout);
        Assert.DoesNotContain("kept in eval mode", stdout);
        using var trained = ModelRegistry.Create("unet-resnet18", pretrained: false);
        trained.load(Path.Combine(run, "checkpoint", "model.bin"));
        Assert.Empty(FoldedBatchNorm.In(trained));
        var after = trained.state_dict();
        Assert.False(IsIdentityStatistics(after["decoder.blocks.0.conv1.bn.running_var"]), "the decoder's statistics did not move");
        Assert.True(IsIdentityStatistics(imported.state_dict()["decoder.blocks.0.conv1.bn.running_var"]));
    }

    /// <summary>Runs that differ only in <c>--seed</c> start from the same weights, so they can be averaged (<c>cutout-train average</c>).</summary>
    [DataFact]
    public async Task Runs_with_other_seeds_unfold_to_the_same_statistics()
    {
        using var dir = new TempFolder("cutout-unfold-seed-");
        var gammas = new List<float[]>();
        foreach (var seed in new[] { "1", "2" })
        {
            var run = Path.Combine(dir, "seed" + seed);
            var (code, stdout) = await CutoutTrain.RunAsync(["train", "--data", Path.Combine(TestPaths.DataRoot, "people"),
                "--val-split", "smoke", "--limit", "140", "--size", "64", "--batch", "2", "--epochs", "1", "--max-batches", "1",
                "--lr", "0", "--threads", "1", "--seed", seed, "--init", PeopleFloatExport, "--unfold-batchnorm", "--out", run]);
            output.WriteLine(stdout);
            Assert.Equal(0, code);
            Assert.Contains("given statistics measured on 128 training photos", stdout);
            using var trained = ModelRegistry.Create("unet-resnet18", pretrained: false);
            trained.load(Path.Combine(run, "checkpoint", "model.bin"));
            gammas.Add(trained.state_dict()["decoder.blocks.0.conv1.bn.weight"].data<float>().ToArray());
        }
        Assert.Equal(gammas[0], gammas[1]);
    }

    [Fact]
    public async Task Unfold_batchnorm_without_an_onnx_init_is_refused()
    {
        var (code, stdout) = await CutoutTrain.RunAsync(["train", "--data", "nowhere", "--unfold-batchnorm"]);
        Assert.NotEqual(0, code);
        Assert.Contains("--unfold-batchnorm needs --init FILE.onnx", stdout);
    }

    static IEnumerable<KeyValuePair<string, Tensor>> Floats(Unet model) =>
        model.state_dict().Where(p => p.Value.dtype == ScalarType.Float32);

    static bool IsIdentityStatistics(Tensor runningVar) => runningVar.data<float>().ToArray().All(v => Math.Abs(v - 1) < 1e-4);
}
