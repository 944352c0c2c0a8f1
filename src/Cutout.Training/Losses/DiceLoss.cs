using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>Soft Dice loss: 1 - (2 I + s) / (sum p + sum t + s), p = sigmoid(logits), s = 1e-5; per image or over the batch.</summary>
public sealed class DiceLoss(bool perImage = false) : ISegmentationLoss
{
    public string Name => "dice";

    public Tensor Compute(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var (intersection, total) = SoftOverlap.Sums(logits, target, perImage);
        var score = (2 * intersection + SoftOverlap.Smooth) / (total + SoftOverlap.Smooth);
        return (1 - score).mean().MoveToOuterDisposeScope();
    }
}
