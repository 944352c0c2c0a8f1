using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>The sum of several losses, e.g. BCE + Jaccard.</summary>
public sealed class SumLoss(string name, params ISegmentationLoss[] parts) : ISegmentationLoss
{
    public string Name => name;

    public Tensor Compute(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var total = parts[0].Compute(logits, target);
        foreach (var part in parts.Skip(1)) total = total + part.Compute(logits, target);
        return total.MoveToOuterDisposeScope();
    }
}
