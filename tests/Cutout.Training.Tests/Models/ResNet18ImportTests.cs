using Cutout.Training.Models;
using Cutout.Training.Models.Encoders;
using Cutout.Training.Onnx.Proto;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Models;

/// <summary>The imported ImageNet ResNet18 encoder against ONNX Runtime running the original ResNet18.onnx.</summary>
public sealed class ResNet18ImportTests(ITestOutputHelper output)
{
    static string EncoderFile(string name) => Path.Combine(AppContext.BaseDirectory, "encoders", name);

    [Fact]
    public void Pooled_features_match_onnx_runtime_on_the_original_graph()
    {
        const int size = 224;
        var rng = new Random(7);
        var rgb = new float[3 * size * size];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = rng.Next(256);

        // ResNetPreprocess.onnx's recipe: planes as BGR minus its per-pixel mean image.
        var meanImage = OnnxModel.Load(EncoderFile("resnet18-imagenet-preprocess.onnx")).Graph.Initializers
            .Single(t => t.ElementCount == 3 * size * size).ToFloats();
        var plane = size * size;
        var bgrCentered = new float[rgb.Length];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < plane; i++)
                bgrCentered[c * plane + i] = rgb[(2 - c) * plane + i] - meanImage[c * plane + i];

        float[] expected;
        using (var session = new InferenceSession(EncoderFile(ResNet18ImageNetWeights.FileName)))
        {
            var inputName = session.InputMetadata.Keys.Single();
            var input = new DenseTensor<float>(bgrCentered, [1, 3, size, size]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
            expected = results.Single().AsTensor<float>().ToArray();
        }
        Assert.Equal(512, expected.Length);

        var encoder = new ResNet18Encoder();
        ResNet18ImageNetWeights.Load(encoder);
        encoder.eval();
        float[] actual;
        using (no_grad())
        {
            // The encoder takes RGB (conv1 was flipped on import): reverse the BGR planes back.
            using var x = tensor(bgrCentered).reshape(1, 3, size, size).flip(1);
            var features = encoder.forward(x);
            Assert.Equal([1L, 512, 7, 7], features[^1].shape);
            using var pooled = features[^1].mean([2L, 3L]);
            actual = pooled.data<float>().ToArray();
            foreach (var f in features) f.Dispose();
        }

        var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"pooled 512-d feature: max abs diff {maxDiff:E2} (max value {expected.Max():F3})");
        Assert.True(maxDiff < 1e-3, $"max abs diff {maxDiff}");
        Assert.True(expected.Max() > 0.1f, "features look degenerate");
    }

    [Fact]
    public void Per_channel_means_are_the_mean_image_channel_averages()
    {
        var meanImage = OnnxModel.Load(EncoderFile("resnet18-imagenet-preprocess.onnx")).Graph.Initializers
            .Single(t => t.ElementCount == 3 * 224 * 224).ToFloats();
        var plane = 224 * 224;
        for (int c = 0; c < 3; c++)
        {
            var bgrMean = meanImage.Skip(c * plane).Take(plane).Average();
            Assert.Equal(bgrMean, ImageNetMeans.ResNet18Rgb[2 - c], 1);
        }
    }

    [Fact]
    public void Unet_resnet18_maps_256x320_rgb_to_one_logit_channel()
    {
        using var model = ModelRegistry.Create("unet-resnet18");
        Assert.Equal("unet-resnet18", model.Architecture);
        model.eval();
        using var _ = no_grad();
        using var x = rand(2, 3, 256, 320) * 255;
        using var y = model.forward(x);
        Assert.Equal([2L, 1, 256, 320], y.shape);
        Assert.False(y.isnan().any().item<bool>());
    }

    [Fact]
    public void Frozen_encoder_has_no_trainable_parameters_and_keeps_batchnorm_in_eval()
    {
        using var model = (Unet)ModelRegistry.Create("unet-resnet18", pretrained: false);
        model.FreezeEncoder(true);
        model.train();
        Assert.All(model.EncoderParameters(), p => Assert.False(p.requires_grad));
        Assert.All(model.DecoderParameters(), p => Assert.True(p.requires_grad));
        Assert.All(model.encoder.BatchNorms(), bn => Assert.False(bn.training));
        Assert.True(model.decoder.training);

        model.UnfreezeEncoderStages(3);
        model.train();
        var encoder = (ResNet18Encoder)model.encoder;
        Assert.All(encoder.layer3.parameters().Concat(encoder.layer4.parameters()),
            p => Assert.Equal(!IsBatchNormParameter(encoder, p), p.requires_grad));
        Assert.All(encoder.layer2.parameters(), p => Assert.False(p.requires_grad));
        Assert.All(model.encoder.BatchNorms(), bn => Assert.False(bn.training));

        model.FreezeEncoder(false);
        model.train();
        Assert.All(model.EncoderParameters(), p => Assert.True(p.requires_grad));
        Assert.All(model.encoder.BatchNorms(), bn => Assert.True(bn.training));
    }

    static bool IsBatchNormParameter(Encoder encoder, TorchSharp.Modules.Parameter p) =>
        encoder.BatchNorms().SelectMany(bn => bn.parameters()).Any(q => ReferenceEquals(q, p) || q.Handle == p.Handle);
}
