using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>Binary cross-entropy on logits (numerically stable), mean over all pixels.</summary>
public sealed class BceLoss : ISegmentationLoss
{
    public string Name => "bce";

    public Tensor Compute(Tensor logits, Tensor target)
    {
        using var t = target.to_type(logits.dtype);
        return nn.functional.binary_cross_entropy_with_logits(logits, t);
    }
}
