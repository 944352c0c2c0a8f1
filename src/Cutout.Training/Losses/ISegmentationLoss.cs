using static TorchSharp.torch;

namespace Cutout.Training.Losses;

/// <summary>A loss over logits (N x 1 x H x W) and a binary target (same shape, values 0 or 1); returns a scalar.</summary>
public interface ISegmentationLoss
{
    string Name { get; }

    Tensor Compute(Tensor logits, Tensor target);
}
