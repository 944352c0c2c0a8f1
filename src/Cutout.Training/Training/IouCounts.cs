using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>IoU of logits thresholded at probability 0.5 against targets thresholded at 0.5.</summary>
public static class IouCounts
{
    public static (double Intersection, double Union) Sum(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var (p, t) = (logits.detach() > 0, targets > 0.5);
        return ((p & t).sum().item<long>(), (p | t).sum().item<long>());
    }

    /// <summary>Per image; an image with neither prediction nor truth counts 1.</summary>
    public static double[] PerImage(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var (p, t) = (logits.detach() > 0, targets > 0.5);
        var intersection = (p & t).flatten(1).sum(1).to_type(ScalarType.Float64).data<double>().ToArray();
        var union = (p | t).flatten(1).sum(1).to_type(ScalarType.Float64).data<double>().ToArray();
        return intersection.Zip(union, (i, u) => u == 0 ? 1.0 : i / u).ToArray();
    }
}
