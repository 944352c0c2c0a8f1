using Cutout.Training.Onnx.Proto;

namespace Cutout.Training.Onnx;

/// <summary>
/// Appends opset-17 nodes and initializers to a graph, naming every tensor uniquely. With <see cref="Fp16Weights"/>
/// float initializers are stored as float16 and cast back to float32 by a Cast node (half the file, same float32 graph).
/// </summary>
public sealed class OnnxGraphBuilder(bool fp16Weights)
{
    readonly Dictionary<string, int> counters = [];

    public OnnxGraph Graph { get; } = new();
    public bool Fp16Weights { get; } = fp16Weights;

    public string UniqueName(string stem)
    {
        counters.TryGetValue(stem, out var n);
        counters[stem] = n + 1;
        return $"{stem}_{n}";
    }

    /// <summary>Adds a float32 weight (stored as float16 + Cast when <see cref="Fp16Weights"/>); returns the float32 tensor name.</summary>
    public string Weight(string stem, long[] dims, float[] values)
    {
        var name = UniqueName(stem);
        if (!Fp16Weights)
        {
            Graph.Initializers.Add(OnnxTensor.FromFloats(name, dims, values));
            return name;
        }
        Graph.Initializers.Add(OnnxTensor.FromHalves(name + "_fp16", dims, values));
        return Node("Cast", [name + "_fp16"], name, OnnxAttribute.Of("to", (long)OnnxTensor.Float));
    }

    public string Int64s(string stem, params long[] values)
    {
        var name = UniqueName(stem);
        Graph.Initializers.Add(OnnxTensor.FromInt64s(name, [values.Length], values));
        return name;
    }

    /// <summary>A small float32 constant that stays float32 even in fp16 mode (e.g. Resize scales).</summary>
    public string Floats(string stem, long[] dims, params float[] values)
    {
        var name = UniqueName(stem);
        Graph.Initializers.Add(OnnxTensor.FromFloats(name, dims, values));
        return name;
    }

    /// <summary>Adds a node with one output; returns the output name (<paramref name="output"/> or a fresh one).</summary>
    public string Node(string opType, string[] inputs, string? output = null, params OnnxAttribute[] attributes)
    {
        output ??= UniqueName(opType.ToLowerInvariant());
        var node = new OnnxNode { Name = output + "_node", OpType = opType };
        node.Inputs.AddRange(inputs);
        node.Outputs.Add(output);
        node.Attributes.AddRange(attributes);
        Graph.Nodes.Add(node);
        return output;
    }
}
