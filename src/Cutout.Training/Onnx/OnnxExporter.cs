using Cutout.Training.Models.Encoders;
using Cutout.Training.Models;
using Cutout.Training.Onnx.Proto;

namespace Cutout.Training.Onnx;

/// <summary>
/// Writes a <see cref="SegmentationModel"/> as ONNX (opset 17) plus its sidecar JSON: input "input" [N,3,H,W] float32 RGB 0..255
/// (the graph subtracts the encoder's means itself), output "output" [N,1,H,W] probability. BatchNorm is folded into the convolutions.
/// </summary>
public static class OnnxExporter
{
    public const string InputName = "input", OutputName = "output";

    public static void Export(SegmentationModel model, int height, int width, string onnxPath, bool fp16 = false, string? name = null) =>
        Export(model, height, width, onnxPath, fp16, name, foldBatchNorm: true);

    public static void Export(SegmentationModel model, int height, int width, string onnxPath, bool fp16, string? name, bool foldBatchNorm)
    {
        if (height <= 0 || width <= 0 || height % 32 != 0 || width % 32 != 0)
            throw new ArgumentException($"export size {width}x{height}: width and height must be positive multiples of 32");
        var onnx = Build(model, height, width, fp16, foldBatchNorm);
        var dir = Path.GetDirectoryName(Path.GetFullPath(onnxPath))!;
        Directory.CreateDirectory(dir);
        onnx.Save(onnxPath);
        name ??= Path.GetFileNameWithoutExtension(onnxPath);
        new global::Cutout.ModelSpec
        {
            Name = name,
            Input = InputName,
            Output = OutputName,
            Width = width,
            Height = height,
            Channels = "RGB",
            Scale = 1f,
            Mean = [0, 0, 0],
            Std = [1, 1, 1],
            OutputKind = "probability",
            Resize = "stretch",
            License = model is Unet { encoder: ResNet18Encoder }
                ? "weights trained by cutout-train; encoder initialised from Microsoft.ML.DnnImageFeaturizer.ResNet18 (MIT)"
                : "weights trained by cutout-train",
        }.Write(SidecarPath(onnxPath));
    }

    public static string SidecarPath(string onnxPath) => Path.ChangeExtension(onnxPath, ".json");

    /// <summary>The ONNX model in memory; the batch dimension is symbolic ("N").</summary>
    public static OnnxModel Build(SegmentationModel model, int height, int width, bool fp16, bool foldBatchNorm = true)
    {
        if (model is not Unet unet) throw new NotSupportedException($"no ONNX writer for {model.GetType().Name}");
        bool wasTraining = model.training;
        model.eval();
        try
        {
            var g = new OnnxGraphBuilder(fp16);
            g.Graph.Name = model.Architecture;
            g.Graph.Inputs.Add(OnnxValueInfo.Tensor(InputName, "N", 3L, (long)height, (long)width));
            var last = new ModelWalker<string>(new LayerWriter(g, foldBatchNorm)).Unet(InputName, unet);
            var lastNode = g.Graph.Nodes[^1];
            if (lastNode.Outputs[0] != last) throw new InvalidOperationException("the graph's last node is not its result");
            lastNode.Outputs[0] = OutputName;
            g.Graph.Outputs.Add(OnnxValueInfo.Tensor(OutputName, "N", 1L, (long)height, (long)width));
            return new OnnxModel { Graph = g.Graph, OpsetVersion = 17, IrVersion = 8 };
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
