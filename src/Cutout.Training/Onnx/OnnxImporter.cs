using Cutout.Training.Models;
using Cutout.Training.Onnx.Proto;
using Google.Protobuf;
using static TorchSharp.torch;

namespace Cutout.Training.Onnx;

/// <summary>
/// Reads a float (fp32 or fp16) ONNX file written by <see cref="OnnxExporter"/> back into a model of the same architecture, so a
/// training campaign can continue from a shipped model. Any input size: conv weights do not depend on it. Folded BatchNorms
/// come back as <see cref="FoldedBatchNorm"/>s, which training must keep in eval mode.
/// </summary>
public static class OnnxImporter
{
    static readonly HashSet<string> QuantizedOperators =
        ["QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "QLinearConv", "ConvInteger", "MatMulInteger", "QLinearMatMul",
         "QLinearAdd", "QLinearMul", "QLinearConcat", "QLinearSigmoid"];

    const int Uint8 = 2, Int8 = 3;

    public static bool IsOnnxPath(string path) => Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase);

    public static void Import(SegmentationModel model, string path) => Import(model, Read(path), path);

    /// <summary>Imports a file already read with <see cref="Read"/>, so a caller that looked at it first reads it once.</summary>
    public static void Import(SegmentationModel model, OnnxModel onnx, string path)
    {
        var graph = onnx.Graph;
        if (graph.Nodes.Any(n => QuantizedOperators.Contains(n.OpType)) || graph.Initializers.Any(t => t.DataType is Uint8 or Int8))
            throw new OnnxImportException($"{path} is a quantized (int8) model, whose weights cannot be trained further; use the float export (fp32 or fp16 .onnx) of the same model");
        if (onnx.ProducerName != "cutout-train")
            throw new OnnxImportException($"{path} was not written by cutout-train's exporter (producer '{onnx.ProducerName}'); only our own exports can be read back");
        if (graph.Name != model.Architecture)
            throw new OnnxImportException(ModelRegistry.Names.Contains(graph.Name)
                ? $"{path} holds a {graph.Name} model, not {model.Architecture}; pass --arch {graph.Name}"
                : $"{path} is not a model exported by cutout-train (graph '{graph.Name}', not one of {string.Join(", ", ModelRegistry.Names)})");
        if (model is not Unet unet) throw new OnnxImportException($"no ONNX reader for {model.GetType().Name}");

        using var scope = NewDisposeScope();
        var reader = new LayerReader(graph, path);
        reader.Finish(new ModelWalker<string>(reader).Unet(OnnxExporter.InputName, unet));
    }

    public static OnnxModel Read(string path)
    {
        if (!File.Exists(path)) throw new OnnxImportException($"{path}: file not found");
        try
        {
            return OnnxModel.Load(path);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or OverflowException)
        {
            throw new OnnxImportException($"{path} is not an ONNX file ({e.Message})");
        }
    }
}
