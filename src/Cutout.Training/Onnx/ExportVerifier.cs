using Cutout.Training.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace Cutout.Training.Onnx;

/// <summary>Runs an exported file in ONNX Runtime and the model in TorchSharp on the same random image; returns the max abs difference.</summary>
public static class ExportVerifier
{
    public static double MaxAbsDifference(SegmentationModel model, string onnxPath, int height, int width, int seed = 1)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var input = (rand(1, 3, height, width) * 255).round();
        model.eval();
        float[] expected;
        using (no_grad()) expected = model.forward(input).sigmoid().data<float>().ToArray();

        using var session = new InferenceSession(onnxPath);
        var x = new DenseTensor<float>(input.data<float>().ToArray(), [1, 3, height, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExporter.InputName, x)]);
        var actual = results.Single(r => r.Name == OnnxExporter.OutputName).AsTensor<float>().ToArray();
        return expected.Zip(actual, (e, a) => (double)Math.Abs(e - a)).Max();
    }
}
