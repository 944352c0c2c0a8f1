using Cutout.Tests;
using Cutout.Training.Models;
using Cutout.Training.Onnx;
using Cutout.Training.Onnx.Proto;
using Cutout.Training.Tests.Training;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static Cutout.Training.Tests.Onnx.ExportFixtures;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Cutout.Training.Tests.Onnx;

/// <summary>Our exporter's files read back into TorchSharp models: same outputs, frozen folded BatchNorms, clear refusals.</summary>
[Collection(SeededTorchCollection.Name)]
public sealed class OnnxImporterTests(ITestOutputHelper output) : IDisposable
{
    readonly TempFolder dir = new("cutout-import-");

    public void Dispose() => dir.Dispose();

    static string PeopleFloatExport => Path.Combine(TestPaths.RepoRoot, "exports", "people-unet-resnet18.onnx");

    /// <summary>A model with realistic BatchNorm statistics, exported at 64 x 64; returns the file.</summary>
    string ExportCalibrated(SegmentationModel model, bool fp16)
    {
        using var calibration = RandomImages(2, 64, 64, seed: 1);
        Calibrate(model, calibration, seed: 2);
        var path = Path.Combine(dir, $"{model.Architecture}{(fp16 ? "-fp16" : "")}.onnx");
        OnnxExporter.Export(model, 64, 64, path, fp16);
        return path;
    }

    [Theory]
    [InlineData("unet-resnet18")]
    [InlineData("unet-resnet18-gc")]
    [InlineData("unet-resnet18-gc-atrous")]
    [InlineData("unet-vgg16")]
    public void An_fp32_export_read_back_gives_the_same_outputs_at_another_size(string architecture)
    {
        manual_seed(0);
        using var original = ModelRegistry.Create(architecture);
        var path = ExportCalibrated(original, fp16: false);
        manual_seed(1);
        using var imported = ModelRegistry.Create(architecture, pretrained: false);
        OnnxImporter.Import(imported, path);

        using var input = RandomImages(2, 96, 128, seed: 3);
        var expected = TorchProbabilities(original, input);
        var diff = MaxAbsDiff(expected, TorchProbabilities(imported, input));
        output.WriteLine($"{architecture}: max abs diff {diff:E2}, unsaturated {UnsaturatedShare(expected):P0}");
        Assert.True(diff < 5e-5, $"max abs diff {diff}");
        Assert.True(UnsaturatedShare(expected) > 0.2, "outputs saturate; the comparison would prove little");
    }

    [Fact]
    public void An_fp16_export_read_back_computes_what_the_file_computes()
    {
        manual_seed(0);
        using var original = ModelRegistry.Create("unet-resnet18");
        var path = ExportCalibrated(original, fp16: true);
        manual_seed(1);
        using var imported = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(imported, path);

        using var input = RandomImages(1, 64, 64, seed: 3);
        var fromFile = OnnxProbabilities(path, input);
        var fromImport = TorchProbabilities(imported, input);
        var toFile = MaxAbsDiff(fromFile, fromImport);
        var toOriginal = MaxAbsDiff(TorchProbabilities(original, input), fromImport);
        output.WriteLine($"fp16: import vs the file's ORT output {toFile:E2}, vs the fp32 original {toOriginal:E2}");
        Assert.True(toFile < 1e-4, $"import vs file: max abs diff {toFile}");
        Assert.True(toOriginal < 2e-2, $"import vs original: max abs diff {toOriginal}");
    }

    [Fact]
    public void A_BatchNormalization_node_export_reads_back_its_statistics()
    {
        manual_seed(0);
        using var original = ModelRegistry.Create("unet-resnet18");
        using var calibration = RandomImages(2, 64, 64, seed: 1);
        Calibrate(original, calibration, seed: 2);
        var path = Path.Combine(dir, "unfolded.onnx");
        OnnxExporter.Build(original, 64, 64, fp16: false, foldBatchNorm: false).Save(path);
        using var imported = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(imported, path);

        Assert.Empty(FoldedBatchNorm.In(imported));
        using var input = RandomImages(1, 64, 64, seed: 3);
        Assert.True(MaxAbsDiff(TorchProbabilities(original, input), TorchProbabilities(imported, input)) < 1e-5);
    }

    [Fact]
    public void The_people_models_float_export_reads_back_and_re_exports_to_the_same_predictions_on_a_real_photo()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(model, PeopleFloatExport);
        var reexported = Path.Combine(dir, "people-again.onnx");
        var size = global::Cutout.ModelSpec.Read(Path.ChangeExtension(PeopleFloatExport, ".json")).Width;
        OnnxExporter.Export(model, size, size, reexported, fp16: true);

        using var photo = tensor(RealPhoto.AstronautPlanar(size, size), [1, 3, size, size]);
        var shipped = OnnxProbabilities(PeopleFloatExport, photo);
        var again = OnnxProbabilities(reexported, photo);
        var fromTorch = TorchProbabilities(model, photo);
        double reexportDiff = MaxAbsDiff(shipped, again), torchDiff = MaxAbsDiff(shipped, fromTorch);
        double person = shipped.Count(p => p > 0.5f) / (double)shipped.Length;
        output.WriteLine($"re-export vs shipped {reexportDiff:E2}; TorchSharp vs shipped {torchDiff:E2}; person share {person:P1}; " +
                         $"files {new FileInfo(PeopleFloatExport).Length:N0} vs {new FileInfo(reexported).Length:N0} bytes");
        Assert.True(reexportDiff < 1e-3, $"re-export vs shipped: max abs diff {reexportDiff}");
        Assert.True(torchDiff < 1e-3, $"TorchSharp vs shipped: max abs diff {torchDiff}");
        Assert.InRange(person, 0.2, 0.8);   // the astronaut is found: a meaningful comparison, not an empty mask
        Assert.Equal(model.modules().OfType<BatchNorm2d>().Count(), FoldedBatchNorm.In(model).Count);
    }

    [Fact]
    public void Frozen_folded_BatchNorms_make_train_mode_compute_what_eval_mode_computes()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(model, PeopleFloatExport);
        using var photo = tensor(RealPhoto.AstronautPlanar(64, 64), [1, 3, 64, 64]);
        var eval = TorchProbabilities(model, photo);

        model.FreezeBatchNorms(FoldedBatchNorm.In(model));
        model.train();
        float[] train;
        using (no_grad())
        using (var logits = model.forward(photo))
        using (var p = logits.sigmoid()) train = p.data<float>().ToArray();

        Assert.All(model.modules().OfType<BatchNorm2d>(), bn => Assert.False(bn.training));
        Assert.True(MaxAbsDiff(eval, train) < 1e-6, $"max abs diff {MaxAbsDiff(eval, train)}");
        Assert.Equal(model.modules().OfType<BatchNorm2d>().Count(), FoldedBatchNorm.In(model).Count);
    }

    [DataFact]
    public async Task Training_from_an_export_keeps_its_folded_BatchNorms_frozen()
    {
        manual_seed(0);
        using var original = ModelRegistry.Create("unet-resnet18");
        var path = ExportCalibrated(original, fp16: true);
        var run = Path.Combine(dir, "run");
        var (code, stdout) = await CutoutTrain.RunAsync(CutoutTrain.SmokeRun(run, "--batch", "2", "--epochs", "1", "--max-batches", "3",
            "--encoder-lr", "1e-3", "--threads", "1", "--init", path));
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Contains($"{original.modules().OfType<BatchNorm2d>().Count()} BatchNorm layers hold weights folded by the ONNX export", stdout);

        using var imported = ModelRegistry.Create("unet-resnet18", pretrained: false);
        OnnxImporter.Import(imported, path);
        using var trained = ModelRegistry.Create("unet-resnet18", pretrained: false);
        trained.load(Path.Combine(run, "checkpoint", "model.bin"));
        var before = imported.state_dict();
        var after = trained.state_dict();
        foreach (var (name, value) in before.Where(p => p.Key.EndsWith("running_mean") || p.Key.EndsWith("running_var")))
            Assert.True(Same(value, after[name]), $"{name} changed in training");
        Assert.False(Same(before["decoder.blocks.0.conv1.conv.weight"], after["decoder.blocks.0.conv1.conv.weight"]),
            "the decoder did not learn: the run proves nothing");
        Assert.False(Same(before["encoder.layer4.0.conv1.weight"], after["encoder.layer4.0.conv1.weight"]),
            "the encoder did not learn: its BatchNorms were never at risk");
    }

    static bool Same(Tensor a, Tensor b) => a.data<float>().ToArray().SequenceEqual(b.data<float>().ToArray());

    [Fact]
    public void Refuses_another_architecture_naming_the_right_arch()
    {
        var path = Rewritten(m => m.Graph.Name = "unet-vgg16");
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var e = Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, path));
        Assert.Equal($"{path} holds a unet-vgg16 model, not unet-resnet18; pass --arch unet-vgg16", e.Message);
    }

    [Fact]
    public void Refuses_a_graph_whose_layers_are_not_the_architecture()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        string Refusal(Action<OnnxModel> change)
        {
            var path = Rewritten(change);
            var message = Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, path)).Message;
            output.WriteLine(message);
            Assert.StartsWith($"{path} does not hold this architecture's layers as our exporter writes them: ", message);
            return message;
        }
        Assert.EndsWith("node 3 should be Relu 'relu1' on [conv1_0], but is MaxPool 'maxpool_0' on [relu1_0]",
            Refusal(m => m.Graph.Nodes.RemoveAll(n => n.Outputs[0] == "relu1_0")));
        Assert.EndsWith("conv1 weight is [64, 3, 3, 3] in the file, the model's is [64, 3, 7, 7]",
            Refusal(m => m.Graph.Initializers.Single(t => t.Name == "conv1_w_0").Dims = [64, 3, 3, 3]));
        Assert.EndsWith("1 more nodes follow the model's last layer",
            Refusal(m => m.Graph.Nodes.Add(new OnnxNode { OpType = "Identity", Inputs = { "output" }, Outputs = { "extra" } })));

        using var vgg = ModelRegistry.Create("unet-vgg16", pretrained: false);
        var renamed = Rewritten(m => m.Graph.Name = "unet-vgg16");
        Assert.Contains("the input means [123.15, 115.9, 103.06] are not this encoder's",
            Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(vgg, renamed)).Message);
    }

    [Fact]
    public void Refuses_a_quantized_model_pointing_to_the_float_export()
    {
        var path = Rewritten(m =>
        {
            var conv = m.Graph.Nodes.First(n => n.OpType == "Conv");
            m.Graph.Nodes.Insert(0, new OnnxNode { OpType = "DequantizeLinear", Inputs = { "w_int8", "w_scale" }, Outputs = { conv.Inputs[1] } });
        });
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var e = Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, path));
        Assert.Contains("is a quantized (int8) model", e.Message);
        Assert.Contains("use the float export", e.Message);
    }

    [Fact]
    public void Refuses_files_from_other_tools_and_files_that_are_not_onnx()
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var foreign = Rewritten(m => m.ProducerName = "pytorch");
        Assert.Equal($"{foreign} was not written by cutout-train's exporter (producer 'pytorch'); only our own exports can be read back",
            Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, foreign)).Message);

        var png = Path.Combine(dir, "photo.onnx");
        File.Copy(TestPaths.Astronaut, png);
        var e = Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, png));
        output.WriteLine(e.Message);
        Assert.StartsWith($"{png} is not an ONNX file", e.Message);

        var missing = Path.Combine(dir, "missing.onnx");
        Assert.Equal($"{missing}: file not found", Assert.Throws<OnnxImportException>(() => OnnxImporter.Import(model, missing)).Message);
    }

    [DataFact]
    public async Task The_command_line_refuses_a_quantized_init_in_one_line()
    {
        var path = Rewritten(m => m.Graph.Initializers[0].DataType = 3);
        var (code, stdout) = await CutoutTrain.RunAsync(["train", "--data", Path.Combine(TestPaths.DataRoot, "people"),
            "--train-split", "smoke", "--val-split", "smoke", "--size", "64", "--threads", "1", "--init", path, "--out", Path.Combine(dir, "q")]);
        output.WriteLine(stdout);
        Assert.Equal(1, code);
        Assert.Contains($"cutout-train: {path} is a quantized (int8) model", stdout);
        Assert.DoesNotContain("   at ", stdout);
    }

    /// <summary>A small untrained resnet18 export, changed by <paramref name="change"/>.</summary>
    string Rewritten(Action<OnnxModel> change)
    {
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var onnx = OnnxExporter.Build(model, 64, 64, fp16: false);
        change(onnx);
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N")[..8] + ".onnx");
        onnx.Save(path);
        return path;
    }
}
