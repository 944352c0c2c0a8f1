using static TorchSharp.torch;

namespace Cutout.Training.Metrics;

/// <summary>
/// Intersection over union of the prediction thresholded at probability 0.5 (logit &gt; 0) against a binary target (&gt; 0.5).
/// An image where both prediction and target are empty scores 1.
/// </summary>
public static class IouMetric
{
    /// <summary>Intersection and union pixel counts over the whole batch.</summary>
    public static (long Intersection, long Union) Sums(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var (p, t) = Binarize(logits, target);
        return ((p & t).sum().item<long>(), (p | t).sum().item<long>());
    }

    /// <summary>Intersection and union pixel counts per image.</summary>
    public static (long[] Intersection, long[] Union) PerImageSums(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var (p, t) = Binarize(logits, target);
        var n = logits.shape[0];
        return ((p & t).reshape(n, -1).sum(1).data<long>().ToArray(), (p | t).reshape(n, -1).sum(1).data<long>().ToArray());
    }

    /// <summary>IoU of each image in the batch.</summary>
    public static double[] PerImage(Tensor logits, Tensor target)
    {
        var (intersection, union) = PerImageSums(logits, target);
        return intersection.Zip(union, FromSums).ToArray();
    }

    /// <summary>intersection / union, 1 when the union is empty.</summary>
    public static double FromSums(long intersection, long union) => union == 0 ? 1.0 : (double)intersection / union;

    static (Tensor Prediction, Tensor Target) Binarize(Tensor logits, Tensor target) => (logits.detach() > 0, target.detach() > 0.5);
}
