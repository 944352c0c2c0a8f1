using System.Text.RegularExpressions;
using Cutout.Training.Models;
using Cutout.Training.Onnx.Proto;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Onnx;

/// <summary>
/// The inverse of <see cref="LayerWriter"/>: walked in the same order, it expects each layer's node next in the graph (same
/// operator, same name stem, same inputs) and copies conv weights and biases back into the model, reading fp16 weights through
/// their Cast. A folded BatchNorm comes back as <see cref="FoldedBatchNorm"/>; a BatchNormalization node as itself.
/// </summary>
public sealed class LayerReader : ILayerVisitor<string>
{
    readonly string source;
    readonly Dictionary<string, OnnxTensor> initializers = [];
    readonly Dictionary<string, string> castFromInitializer = [];
    readonly List<OnnxNode> nodes;
    int next;

    public LayerReader(OnnxGraph graph, string source)
    {
        this.source = source;
        foreach (var t in graph.Initializers) initializers[t.Name] = t;
        foreach (var n in graph.Nodes.Where(IsWeightCast)) castFromInitializer[n.Outputs[0]] = n.Inputs[0];
        nodes = graph.Nodes.Where(n => !IsWeightCast(n)).ToList();
    }

    bool IsWeightCast(OnnxNode n) => n.OpType == "Cast" && n.Inputs.Count == 1 && n.Outputs.Count == 1 && initializers.ContainsKey(n.Inputs[0]);

    public string Conv(string x, Conv2d conv, BatchNorm2d? bn, string name)
    {
        var node = Take("Conv", name, x);
        var weight = Read(node.Inputs.ElementAtOrDefault(1), conv.weight.shape, name + " weight");
        long outChannels = conv.weight.shape[0];
        var bias = node.Inputs.Count > 2 && node.Inputs[2] != "" ? Read(node.Inputs[2], [outChannels], name + " bias") : null;
        using var _ = no_grad();
        conv.weight.copy_(weight);
        var y = node.Outputs[0];
        if (bn is not null && Peek() is { OpType: "BatchNormalization" } bnNode && bnNode.Inputs.FirstOrDefault() == y)
        {
            SetBias(conv, bias, name);
            Take("BatchNormalization", name + "_bn", y);
            bn.weight!.copy_(Read(bnNode.Inputs.ElementAtOrDefault(1), [outChannels], name + " bn scale"));
            bn.bias!.copy_(Read(bnNode.Inputs.ElementAtOrDefault(2), [outChannels], name + " bn bias"));
            bn.running_mean!.copy_(Read(bnNode.Inputs.ElementAtOrDefault(3), [outChannels], name + " bn mean"));
            bn.running_var!.copy_(Read(bnNode.Inputs.ElementAtOrDefault(4), [outChannels], name + " bn variance"));
            return bnNode.Outputs[0];
        }
        if (bn is null) SetBias(conv, bias, name);
        else
        {
            conv.bias?.zero_();
            FoldedBatchNorm.Restore(bn, bias);
        }
        return y;
    }

    void SetBias(Conv2d conv, Tensor? bias, string name)
    {
        if ((conv.bias is null) != (bias is null))
            throw Mismatch($"conv '{name}' has {(bias is null ? "no" : "a")} bias in the file, the model {(conv.bias is null ? "none" : "one")}");
        conv.bias?.copy_(bias!);
    }

    public string SubtractMean(string x, float[] mean, string name)
    {
        var node = Take("Sub", name, x);
        var fileMean = Tensor(node.Inputs.ElementAtOrDefault(1), name).ToFloats();
        if (fileMean.Length != mean.Length || fileMean.Zip(mean).Any(p => Math.Abs(p.First - p.Second) > 1e-3))
            throw Mismatch($"the input means [{string.Join(", ", fileMean)}] are not this encoder's [{string.Join(", ", mean)}]");
        return node.Outputs[0];
    }

    public string Relu(string x, string name) => Take("Relu", name, x).Outputs[0];

    public string Sigmoid(string x, string name) => Take("Sigmoid", name, x).Outputs[0];

    public string MaxPool(string x, long kernel, long stride, long padding, string name) => Take("MaxPool", name, x).Outputs[0];

    public string Upsample2x(string x, string name) => Take("Resize", name, x).Outputs[0];

    public string Concat(string a, string b, string name) => Take("Concat", name, a, b).Outputs[0];

    public string Add(string a, string b, string name) => Take("Add", name, a, b).Outputs[0];

    public string GlobalAveragePool(string x, string name) => Take("GlobalAveragePool", name, x).Outputs[0];

    /// <summary>After the walk: the graph must end with the model's last layer, named as the exporter names the output.</summary>
    public void Finish(string last)
    {
        if (next < nodes.Count) throw Mismatch($"{nodes.Count - next} more nodes follow the model's last layer");
        if (last != OnnxExporter.OutputName) throw Mismatch($"the last layer writes '{last}', not '{OnnxExporter.OutputName}'");
    }

    OnnxNode? Peek() => next < nodes.Count ? nodes[next] : null;

    OnnxNode Take(string opType, string name, params string[] inputs)
    {
        var node = Peek();
        if (node is null) throw Mismatch($"the graph ends where {opType} '{name}' should follow (node {next + 1})");
        bool nameFits = node.Outputs.Count == 1 &&
                        (node.Outputs[0] == OnnxExporter.OutputName || Regex.IsMatch(node.Outputs[0], $"^{Regex.Escape(name)}_\\d+$"));
        if (node.OpType != opType || !nameFits || !node.Inputs.Take(inputs.Length).SequenceEqual(inputs))
            throw Mismatch($"node {next + 1} should be {opType} '{name}' on [{string.Join(", ", inputs)}], " +
                           $"but is {node.OpType} '{node.Outputs.FirstOrDefault()}' on [{string.Join(", ", node.Inputs)}]");
        next++;
        return node;
    }

    OnnxTensor Tensor(string? valueName, string what)
    {
        if (valueName is not null && castFromInitializer.TryGetValue(valueName, out var stored)) valueName = stored;
        if (valueName is null || !initializers.TryGetValue(valueName, out var t)) throw Mismatch($"{what}: '{valueName}' is not a stored tensor");
        if (t.DataType is not (OnnxTensor.Float or OnnxTensor.Float16)) throw Mismatch($"{what} has ONNX data type {t.DataType}, not float");
        return t;
    }

    Tensor Read(string? valueName, long[] shape, string what)
    {
        var t = Tensor(valueName, what);
        if (!t.Dims.SequenceEqual(shape))
            throw Mismatch($"{what} is [{string.Join(", ", t.Dims)}] in the file, the model's is [{string.Join(", ", shape)}]");
        return tensor(t.ToFloats(), shape);
    }

    OnnxImportException Mismatch(string detail) => new($"{source} does not hold this architecture's layers as our exporter writes them: {detail}");
}
