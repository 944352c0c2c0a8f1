using TorchSharp.Modules;

namespace Cutout.Training.Models.Summary;

/// <summary>Follows shapes (C, H, W) through the layer walk and records one row per layer.</summary>
internal sealed class SummaryVisitor : ILayerVisitor<long[]>
{
    public List<SummaryRow> Rows { get; } = [];

    long[] Row(string name, string type, long[] shape, long learnable = 0, long moving = 0)
    {
        Rows.Add(new SummaryRow(name, type, shape, learnable, moving));
        return shape;
    }

    public long[] SubtractMean(long[] x, float[] mean, string name) => Row(name, "Normalize", x);

    public long[] Conv(long[] x, Conv2d conv, BatchNorm2d? bn, string name)
    {
        var w = conv.weight.shape;
        var stride = conv.stride ?? [1, 1];
        var padding = conv.padding ?? [0, 0];
        var dilation = conv.dilation ?? [1, 1];
        long Out(long size, int axis) => (size + 2 * padding[axis] - dilation[axis] * (w[axis + 2] - 1) - 1) / stride[axis] + 1;
        long[] y = [w[0], Out(x[1], 0), Out(x[2], 1)];
        Row(name, "Conv2D", y, conv.parameters().Sum(p => p.numel()));
        return bn is null ? y : Row(name.EndsWith("_conv") ? name[..^5] + "_bn" : name + "_bn", "BatchNormalization", y,
            bn.parameters().Sum(p => p.numel()), bn.running_mean!.numel() + bn.running_var!.numel());
    }

    public long[] Relu(long[] x, string name) => Row(name, "ReLU", x);

    public long[] MaxPool(long[] x, long kernel, long stride, long padding, string name) =>
        Row(name, "MaxPool2D", [x[0], (x[1] + 2 * padding - kernel) / stride + 1, (x[2] + 2 * padding - kernel) / stride + 1]);

    public long[] Upsample2x(long[] x, string name) => Row(name, "UpSampling2D", [x[0], x[1] * 2, x[2] * 2]);

    public long[] Concat(long[] a, long[] b, string name) => Row(name, "Concatenate", [a[0] + b[0], a[1], a[2]]);

    public long[] Add(long[] a, long[] b, string name) => Row(name, "Add", a);

    public long[] GlobalAveragePool(long[] x, string name) => Row(name, "GlobalAveragePooling2D", [x[0], 1, 1]);

    public long[] Sigmoid(long[] x, string name) => Row(name, "Sigmoid", x);
}
