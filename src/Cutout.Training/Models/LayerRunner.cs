using Cutout.Training.Models.Decoders;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models;

/// <summary>
/// Runs a model's layers on tensors as <see cref="ModelWalker{T}"/> walks them, with eval-mode BatchNorms, and shows each
/// BatchNorm its input on the way: what <see cref="FoldedBatchNorm.Unfold"/> measures. The caller owns a dispose scope.
/// </summary>
public sealed class LayerRunner(Action<BatchNorm2d, Tensor> beforeBatchNorm) : ILayerVisitor<Tensor>
{
    public Tensor SubtractMean(Tensor x, float[] mean, string name) => x - tensor(mean).reshape(1, mean.Length, 1, 1);

    public Tensor Conv(Tensor x, Conv2d conv, BatchNorm2d? bn, string name)
    {
        var y = conv.forward(x);
        if (bn is null) return y;
        beforeBatchNorm(bn, y);
        return bn.forward(y);
    }

    public Tensor Relu(Tensor x, string name) => nn.functional.relu(x);

    public Tensor MaxPool(Tensor x, long kernel, long stride, long padding, string name) =>
        nn.functional.max_pool2d(x, kernel, stride, padding);

    public Tensor Upsample2x(Tensor x, string name) => UnetDecoderBlock.Upsample2x(x);

    public Tensor Concat(Tensor a, Tensor b, string name) => cat([a, b], dim: 1);

    public Tensor Add(Tensor a, Tensor b, string name) => a + b;

    public Tensor GlobalAveragePool(Tensor x, string name) => nn.functional.adaptive_avg_pool2d(x, [1, 1]);

    public Tensor Sigmoid(Tensor x, string name) => x.sigmoid();
}
