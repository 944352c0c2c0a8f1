using Cutout.Training.Onnx.Proto;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>
/// Which convolutions of a graph get int8 weights, and which float tensors around them get uint8 QuantizeLinear →
/// DequantizeLinear pairs so that ONNX Runtime fuses each into a QLinearConv. The head convolutions (those whose result
/// reaches a graph output without passing another convolution: the logits before the Sigmoid) stay float. A Relu that is
/// a convolution's only consumer is folded into it: the quantized output's zero point is 0, which clamps negatives anyway.
/// </summary>
public sealed class QuantizationPlan
{
    public required IReadOnlyList<OnnxNode> Convs { get; init; }
    public required IReadOnlyList<OnnxNode> HeadConvs { get; init; }
    /// <summary>Conv → the Relu folded into it (its output becomes the conv's output).</summary>
    public required IReadOnlyDictionary<OnnxNode, OnnxNode> FoldedRelus { get; init; }
    /// <summary>Every quantized conv's input and (after folding) output, in graph order, each once.</summary>
    public required IReadOnlyList<string> ActivationTensors { get; init; }

    public string OutputOf(OnnxNode conv) => FoldedRelus.TryGetValue(conv, out var relu) ? relu.Outputs[0] : conv.Outputs[0];

    public static QuantizationPlan For(OnnxGraph graph)
    {
        var producers = new Dictionary<string, OnnxNode>();
        var consumers = new Dictionary<string, List<OnnxNode>>();
        foreach (var node in graph.Nodes)
        {
            foreach (var output in node.Outputs) producers[output] = node;
            foreach (var input in node.Inputs.Where(i => i != ""))
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
        }
        var graphOutputs = graph.Outputs.Select(o => o.Name).ToHashSet();
        var heads = FindHeads(graph, producers);
        var convs = graph.Nodes.Where(n => n.OpType == "Conv" && !heads.Contains(n)).ToList();

        var folded = new Dictionary<OnnxNode, OnnxNode>();
        foreach (var conv in convs)
            if (!graphOutputs.Contains(conv.Outputs[0]) && consumers.GetValueOrDefault(conv.Outputs[0]) is [{ OpType: "Relu" } relu])
                folded[conv] = relu;

        var quantized = new HashSet<string>();
        foreach (var conv in convs)
        {
            quantized.Add(conv.Inputs[0]);
            quantized.Add(folded.TryGetValue(conv, out var relu) ? relu.Outputs[0] : conv.Outputs[0]);
        }
        var inGraphOrder = graph.Inputs.Select(i => i.Name).Concat(graph.Nodes.SelectMany(n => n.Outputs)).Where(quantized.Contains);
        return new QuantizationPlan
        {
            Convs = convs,
            HeadConvs = heads.ToList(),
            FoldedRelus = folded,
            ActivationTensors = inGraphOrder.Distinct().ToList(),
        };
    }

    /// <summary>Walks back from the graph outputs through non-Conv nodes; the convolutions met first are the heads.</summary>
    static HashSet<OnnxNode> FindHeads(OnnxGraph graph, Dictionary<string, OnnxNode> producers)
    {
        var heads = new HashSet<OnnxNode>();
        var seen = new HashSet<string>();
        var pending = new Stack<string>(graph.Outputs.Select(o => o.Name));
        while (pending.TryPop(out var tensor))
        {
            if (!seen.Add(tensor) || !producers.TryGetValue(tensor, out var node)) continue;
            if (node.OpType == "Conv") heads.Add(node);
            else foreach (var input in node.Inputs.Where(i => i != "")) pending.Push(input);
        }
        return heads;
    }
}
