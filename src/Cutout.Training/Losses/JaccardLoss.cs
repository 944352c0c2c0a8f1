using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>
/// Soft Jaccard (IoU) loss: 1 - (I + s) / (U + s) with p = sigmoid(logits), I = sum p*t, U = sum p + sum t - I, s = 1e-5.
/// Per image (mean over the batch of per-image losses) or over the whole batch as one set of pixels.
/// </summary>
public sealed class JaccardLoss(bool perImage = false) : ISegmentationLoss
{
    public string Name => "jaccard";

    public Tensor Compute(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var (intersection, total) = SoftOverlap.Sums(logits, target, perImage);
        var union = total - intersection;
        var score = (intersection + SoftOverlap.Smooth) / (union + SoftOverlap.Smooth);
        return (1 - score).mean().MoveToOuterDisposeScope();
    }
}
