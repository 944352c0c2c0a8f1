using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>Sums shared by the soft Jaccard and Dice losses: intersection and the two masses, per image or over the batch.</summary>
internal static class SoftOverlap
{
    public const double Smooth = 1e-5;

    /// <summary>Returns (sum p*t, sum p + sum t) as tensors of shape [N] (per image) or [] (whole batch).</summary>
    public static (Tensor Intersection, Tensor Total) Sums(Tensor logits, Tensor target, bool perImage)
    {
        var p = logits.sigmoid();
        var t = target.to_type(p.dtype);
        if (perImage)
        {
            var n = logits.shape[0];
            p = p.reshape(n, -1);
            t = t.reshape(n, -1);
            return ((p * t).sum(1), p.sum(1) + t.sum(1));
        }
        return ((p * t).sum(), p.sum() + t.sum());
    }
}
