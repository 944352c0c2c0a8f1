using Cutout.Training.Models;
using Cutout.Training.Onnx.Proto;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Onnx;

/// <summary>Writes single TorchSharp layers (eval-mode semantics) as ONNX nodes; values are tensor names.</summary>
public sealed class LayerWriter(OnnxGraphBuilder g, bool foldBatchNorm) : ILayerVisitor<string>
{
    /// <summary>Conv2d, with an optional BatchNorm2d folded into its weights (or written as a BatchNormalization node).</summary>
    public string Conv(string x, Conv2d conv, BatchNorm2d? bn, string name)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var weight = conv.weight.detach().to_type(ScalarType.Float64);
        var outChannels = weight.shape[0];
        var bias = conv.bias is null ? zeros(outChannels, dtype: ScalarType.Float64) : conv.bias.detach().to_type(ScalarType.Float64);
        bool fold = bn is not null && foldBatchNorm;
        if (fold)
        {
            var (scale, shift) = BatchNormAffine(bn!);
            weight = weight * scale.reshape(-1, 1, 1, 1);
            bias = bias * scale + shift;
        }
        var inputs = new List<string> { x, g.Weight(name + "_w", weight.shape, Floats(weight)) };
        if (conv.bias is not null || fold) inputs.Add(g.Weight(name + "_b", [outChannels], Floats(bias)));

        var stride = conv.stride ?? [1, 1];
        var padding = conv.padding ?? [0, 0];
        var dilation = conv.dilation ?? [1, 1];
        List<OnnxAttribute> attributes =
        [
            OnnxAttribute.Of("kernel_shape", weight.shape[2], weight.shape[3]),
            OnnxAttribute.Of("strides", stride.ToArray()),
            OnnxAttribute.Of("pads", padding[0], padding[1], padding[0], padding[1]),
            OnnxAttribute.Of("group", conv.groups),
        ];
        if (dilation.Any(d => d != 1)) attributes.Add(OnnxAttribute.Of("dilations", dilation.ToArray()));
        var y = g.Node("Conv", inputs.ToArray(), g.UniqueName(name), attributes.ToArray());
        return bn is not null && !foldBatchNorm ? BatchNorm(y, bn, name + "_bn") : y;
    }

    string BatchNorm(string x, BatchNorm2d bn, string name)
    {
        using var _ = no_grad();
        var c = bn.running_mean!.shape[0];
        return g.Node("BatchNormalization",
            [x, g.Weight(name + "_scale", [c], Floats(bn.weight!)), g.Weight(name + "_bias", [c], Floats(bn.bias!)),
             g.Weight(name + "_mean", [c], Floats(bn.running_mean!)), g.Weight(name + "_var", [c], Floats(bn.running_var!))],
            g.UniqueName(name), OnnxAttribute.Of("epsilon", (float)bn.eps));
    }

    public string Relu(string x, string name) => g.Node("Relu", [x], g.UniqueName(name));

    public string Sigmoid(string x, string name) => g.Node("Sigmoid", [x], g.UniqueName(name));

    public string Add(string a, string b, string name) => g.Node("Add", [a, b], g.UniqueName(name));

    public string GlobalAveragePool(string x, string name) => g.Node("GlobalAveragePool", [x], g.UniqueName(name));

    public string Concat(string a, string b, string name) => g.Node("Concat", [a, b], g.UniqueName(name), OnnxAttribute.Of("axis", 1L));

    public string MaxPool(string x, long kernel, long stride, long padding, string name) =>
        g.Node("MaxPool", [x], g.UniqueName(name),
            OnnxAttribute.Of("kernel_shape", kernel, kernel),
            OnnxAttribute.Of("strides", stride, stride),
            OnnxAttribute.Of("pads", padding, padding, padding, padding));

    /// <summary>Nearest 2x upsampling as Resize (asymmetric coordinates, floor): output pixel i reads input i / 2, like TorchSharp's.</summary>
    public string Upsample2x(string x, string name) =>
        g.Node("Resize", [x, "", g.Floats(name + "_scales", [4], 1, 1, 2, 2)], g.UniqueName(name),
            OnnxAttribute.Of("mode", "nearest"),
            OnnxAttribute.Of("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.Of("nearest_mode", "floor"));

    /// <summary>x - mean (1 x C x 1 x 1), kept float32 so the normalisation is exact in fp16 mode too.</summary>
    public string SubtractMean(string x, float[] mean, string name) =>
        g.Node("Sub", [x, g.Floats(name + "_mean", [1, mean.Length, 1, 1], mean)], g.UniqueName(name));

    /// <summary>The eval-mode BatchNorm as y = x * scale + shift, per channel (float64).</summary>
    static (Tensor Scale, Tensor Shift) BatchNormAffine(BatchNorm2d bn)
    {
        var gamma = bn.weight!.detach().to_type(ScalarType.Float64);
        var beta = bn.bias!.detach().to_type(ScalarType.Float64);
        var mean = bn.running_mean!.to_type(ScalarType.Float64);
        var variance = bn.running_var!.to_type(ScalarType.Float64);
        var scale = gamma / (variance + bn.eps).sqrt();
        return (scale, beta - mean * scale);
    }

    static float[] Floats(Tensor t)
    {
        using var f = t.detach().to_type(ScalarType.Float32).contiguous();
        return f.data<float>().ToArray();
    }
}
