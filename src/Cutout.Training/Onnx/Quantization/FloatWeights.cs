using Cutout.Training.Onnx.Proto;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>
/// The float values behind a node's weight input, as <see cref="OnnxGraphBuilder"/> writes them: a float32 initializer,
/// or a float16 initializer behind a Cast to float32.
/// </summary>
public sealed class FloatWeights(OnnxGraph graph)
{
    readonly Dictionary<string, OnnxTensor> initializers = graph.Initializers.ToDictionary(t => t.Name);
    readonly Dictionary<string, OnnxNode> casts = graph.Nodes.Where(n => n.OpType == "Cast" && n.Inputs.Count == 1)
        .ToDictionary(n => n.Outputs[0]);

    public OnnxTensor Of(string name)
    {
        if (initializers.TryGetValue(name, out var tensor)) return tensor;
        if (casts.TryGetValue(name, out var cast) && initializers.TryGetValue(cast.Inputs[0], out var stored)) return stored;
        throw new ArgumentException($"weight '{name}' is neither an initializer nor a Cast of one; only models written by cutout-train export can be quantized");
    }
}
