using Cutout.Training.Models;
using Cutout.Training.Models.Blocks;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Cutout.Training.Tests.Onnx;

/// <summary>Helpers for export tests: realistic BatchNorm statistics, ONNX Runtime and TorchSharp runs of the same input.</summary>
internal static class ExportFixtures
{
    /// <summary>
    /// Gives every BatchNorm the statistics of one real batch (momentum 1 in train mode) and a random affine part, so that
    /// activations stay in a sensible range and folding BN into the convolutions is really exercised. A global context block
    /// and an atrous context block get random weights in place of their zero start, so that they change the output.
    /// </summary>
    /// <summary>A new model of <paramref name="architecture"/> (no pretrained weights), calibrated on <paramref name="input"/>.</summary>
    public static SegmentationModel CalibratedModel(string architecture, Tensor input, int seed)
    {
        manual_seed(seed);
        var model = ModelRegistry.Create(architecture, pretrained: false);
        Calibrate(model, input, seed: seed + 1);
        return model;
    }

    public static void Calibrate(SegmentationModel model, Tensor input, int seed)
    {
        manual_seed(seed);
        var bns = model.modules().OfType<BatchNorm2d>().ToArray();
        using (no_grad())
        {
            foreach (var context in model.modules().OfType<GlobalContext>())
            {
                context.expand.weight.copy_(randn_like(context.expand.weight) * 0.05);
                context.expand.bias!.copy_(randn_like(context.expand.bias!) * 0.1);
            }
            foreach (var atrous in model.modules().OfType<AtrousContext>())
            {
                atrous.project.weight.copy_(randn_like(atrous.project.weight) * 0.05);
                atrous.project.bias!.copy_(randn_like(atrous.project.bias!) * 0.1);
            }
            foreach (var bn in bns)
            {
                bn.weight!.copy_(rand_like(bn.weight!) + 0.5);
                bn.bias!.copy_(randn_like(bn.bias!) * 0.1);
                bn.momentum = 1.0;
            }
            model.train();
            using var _ = model.forward(input);
            foreach (var bn in bns) bn.momentum = 0.1;
        }
        model.eval();
    }

    /// <summary>The same images for the same seed, even while other tests draw from the global generator in parallel.</summary>
    public static Tensor RandomImages(int n, int height, int width, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return (rand([n, 3, height, width], generator: generator) * 255).round();
    }

    public static float[] TorchProbabilities(SegmentationModel model, Tensor input)
    {
        model.eval();
        using var _ = no_grad();
        using var logits = model.forward(input);
        using var p = logits.sigmoid();
        return p.data<float>().ToArray();
    }

    public static float[] OnnxProbabilities(string onnxPath, Tensor input)
    {
        using var session = new InferenceSession(onnxPath);
        var dims = input.shape.Select(d => (int)d).ToArray();
        var x = new DenseTensor<float>(input.data<float>().ToArray(), dims);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", x)]);
        var y = results.Single(r => r.Name == "output").AsTensor<float>();
        Xunit.Assert.Equal([dims[0], 1, dims[2], dims[3]], y.Dimensions.ToArray());
        return y.ToArray();
    }

    public static double MaxAbsDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    /// <summary>Share of values strictly between 0.02 and 0.98: the comparison means little if the sigmoid saturates.</summary>
    public static double UnsaturatedShare(float[] p) => p.Count(v => v is > 0.02f and < 0.98f) / (double)p.Length;
}
