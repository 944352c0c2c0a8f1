using Cutout.Training.Onnx.Proto;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>
/// Rewrites a float model written by <see cref="OnnxExporter"/> (weights float32, or float16 + Cast) into int8 ONNX, QDQ
/// format (opset 17): every convolution but the head gets symmetric int8 weights per output channel behind a
/// DequantizeLinear (axis 0). With activation ranges, each such convolution's input and output also get uint8
/// QuantizeLinear → DequantizeLinear pairs and its bias becomes int32 (scale = input scale x weight scale), the pattern
/// ONNX Runtime fuses into QLinearConv. Without them the weights alone are int8 (a smaller file, float arithmetic).
/// </summary>
public static class Int8Quantizer
{
    public const string ProducerSuffix = "+int8";

    /// <summary>The tensors whose ranges <see cref="Quantize"/> needs for activation quantization.</summary>
    public static IReadOnlyList<string> ActivationTensors(OnnxModel model) => QuantizationPlan.For(Checked(model).Graph).ActivationTensors;

    /// <param name="activationRanges">null: weight-only int8; otherwise a range for every <see cref="ActivationTensors"/> entry.</param>
    public static OnnxModel Quantize(OnnxModel model, IReadOnlyDictionary<string, ActivationRange>? activationRanges)
    {
        var source = Checked(model).Graph;
        var plan = QuantizationPlan.For(source);
        if (activationRanges != null && plan.ActivationTensors.FirstOrDefault(t => !activationRanges.ContainsKey(t)) is { } missing)
            throw new ArgumentException($"no calibration range for tensor '{missing}'");

        var weights = new FloatWeights(source);
        var replaced = ReplacedWeights(plan, quantizeBias: activationRanges != null);
        var graph = new OnnxGraph { Name = source.Name };
        graph.Inputs.AddRange(source.Inputs);
        graph.Outputs.AddRange(source.Outputs);

        var activationScales = new Dictionary<string, float>();
        var quantizedTensors = activationRanges is null ? [] : plan.ActivationTensors.ToHashSet();
        void QuantizeActivation(string tensor)
        {
            var (scale, zeroPoint) = activationRanges![tensor].Uint8Parameters();
            activationScales[tensor] = scale;
            graph.Initializers.Add(OnnxTensor.FromFloats(tensor + "_scale", [], [scale]));
            graph.Initializers.Add(OnnxTensor.FromBytes(tensor + "_zero_point", [], [zeroPoint]));
            string[] parameters = [tensor + "_scale", tensor + "_zero_point"];
            graph.Nodes.Add(NewNode("QuantizeLinear", [tensor, .. parameters], tensor + "_quantized"));
            graph.Nodes.Add(NewNode("DequantizeLinear", [tensor + "_quantized", .. parameters], tensor + "_dequantized"));
        }

        foreach (var input in source.Inputs.Where(i => quantizedTensors.Contains(i.Name))) QuantizeActivation(input.Name);
        var foldedRelus = activationRanges is null ? [] : plan.FoldedRelus.Values.ToHashSet();
        foreach (var node in source.Nodes)
        {
            if (foldedRelus.Contains(node) || (node.OpType == "Cast" && replaced.Contains(node.Outputs[0]))) continue;
            var copy = Copy(node, quantizedTensors);
            if (activationRanges != null && plan.FoldedRelus.TryGetValue(node, out var relu)) copy.Outputs[0] = relu.Outputs[0];
            graph.Nodes.Add(copy);
            foreach (var output in copy.Outputs.Where(quantizedTensors.Contains)) QuantizeActivation(output);
        }

        var weightNodes = new List<OnnxNode>();
        foreach (var conv in plan.Convs)
        {
            var weight = weights.Of(conv.Inputs[1]);
            var (int8, scales) = WeightQuantization.PerChannelInt8(weight.ToFloats(), checked((int)weight.Dims[0]));
            var name = conv.Inputs[1];
            weightNodes.Add(Dequantize(graph, name, OnnxTensor.FromSBytes(name + "_int8", weight.Dims, int8), scales,
                                       OnnxTensor.FromSBytes(name + "_zero_point", [scales.Length], new sbyte[scales.Length])));
            if (activationRanges is null || !HasBias(conv)) continue;
            var biasName = conv.Inputs[2];
            var (int32, biasScales) = WeightQuantization.Int32Bias(weights.Of(biasName).ToFloats(), activationScales[conv.Inputs[0]], scales);
            weightNodes.Add(Dequantize(graph, biasName, OnnxTensor.FromInt32s(biasName + "_int32", [int32.Length], int32), biasScales,
                                       OnnxTensor.FromInt32s(biasName + "_zero_point", [int32.Length], new int[int32.Length])));
        }
        graph.Nodes.InsertRange(0, weightNodes);

        var used = graph.Nodes.SelectMany(n => n.Inputs).ToHashSet();
        graph.Initializers.InsertRange(0, source.Initializers.Where(t => used.Contains(t.Name) && !replaced.Contains(t.Name)));
        return new OnnxModel
        {
            IrVersion = model.IrVersion,
            OpsetVersion = model.OpsetVersion,
            ProducerName = model.ProducerName,
            ProducerVersion = model.ProducerVersion + ProducerSuffix,
            Graph = graph,
        };
    }

    static bool HasBias(OnnxNode conv) => conv.Inputs.Count > 2 && conv.Inputs[2] != "";

    /// <summary>The float tensors that become DequantizeLinear outputs; each may feed only one quantized conv.</summary>
    static HashSet<string> ReplacedWeights(QuantizationPlan plan, bool quantizeBias)
    {
        var names = new HashSet<string>();
        foreach (var conv in plan.Convs)
        {
            string[] tensors = quantizeBias && HasBias(conv) ? [conv.Inputs[1], conv.Inputs[2]] : [conv.Inputs[1]];
            foreach (var name in tensors)
                if (!names.Add(name)) throw new ArgumentException($"weight '{name}' is shared by several convolutions; quantizing it is not supported");
        }
        return names;
    }

    static OnnxModel Checked(OnnxModel model)
    {
        if (model.Graph.Nodes.Any(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" or "QLinearConv" or "ConvInteger"))
            throw new ArgumentException("the model is already quantized (it has QuantizeLinear / DequantizeLinear nodes); quantize its float original");
        if (model.OpsetVersion < 13)
            throw new ArgumentException($"the model's opset is {model.OpsetVersion}; per-channel DequantizeLinear needs 13 or later");
        if (!model.Graph.Nodes.Any(n => n.OpType == "Conv")) throw new ArgumentException("the model has no Conv node to quantize");
        return model;
    }

    /// <summary>A DequantizeLinear (axis 0) whose output takes the float tensor's name, so its consumers need no change.</summary>
    static OnnxNode Dequantize(OnnxGraph graph, string floatName, OnnxTensor quantized, float[] scales, OnnxTensor zeroPoint)
    {
        var scale = OnnxTensor.FromFloats(floatName + "_scale", [scales.Length], scales);
        graph.Initializers.AddRange([quantized, scale, zeroPoint]);
        var node = NewNode("DequantizeLinear", [quantized.Name, scale.Name, zeroPoint.Name], floatName);
        node.Attributes.Add(OnnxAttribute.Of("axis", 0L));
        return node;
    }

    /// <summary>The node with inputs of quantized tensors read from their DequantizeLinear instead.</summary>
    static OnnxNode Copy(OnnxNode node, HashSet<string> quantizedTensors)
    {
        var copy = new OnnxNode { Name = node.Name, OpType = node.OpType };
        copy.Inputs.AddRange(node.Inputs.Select(i => quantizedTensors.Contains(i) ? i + "_dequantized" : i));
        copy.Outputs.AddRange(node.Outputs);
        copy.Attributes.AddRange(node.Attributes);
        return copy;
    }

    static OnnxNode NewNode(string opType, string[] inputs, string output)
    {
        var node = new OnnxNode { Name = output + "_node", OpType = opType };
        node.Inputs.AddRange(inputs);
        node.Outputs.Add(output);
        return node;
    }
}
