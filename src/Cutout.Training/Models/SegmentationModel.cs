using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models;

/// <summary>
/// A binary segmentation network. Input: N x 3 x H x W float32, RGB, raw 0..255 values, H and W multiples of 32
/// (the model normalises internally with buffers). Output: N x 1 x H x W logits (no sigmoid).
/// </summary>
public abstract class SegmentationModel : nn.Module<Tensor, Tensor>
{
    protected SegmentationModel(string name) : base(name) { }

    /// <summary>Registry name, e.g. "unet-resnet18".</summary>
    public abstract string Architecture { get; }

    /// <summary>Frozen: encoder parameters get requires_grad=false and the encoder's BatchNorm layers stay in eval mode during train().</summary>
    public abstract void FreezeEncoder(bool frozen);

    /// <summary>These BatchNorm layers stay in eval mode during train() (running statistics fixed); their affine part still learns.</summary>
    public abstract void FreezeBatchNorms(IEnumerable<BatchNorm2d> batchNorms);

    public abstract IEnumerable<Parameter> EncoderParameters();

    public abstract IEnumerable<Parameter> DecoderParameters();

    /// <summary>
    /// Partial fine-tuning: encoder stages numbered from 0 (stem) upwards; stages &gt;= <paramref name="fromStage"/> become
    /// trainable (their convolutions only), earlier stages stay frozen, and every encoder BatchNorm stays frozen (eval mode, no grad).
    /// </summary>
    public virtual void UnfreezeEncoderStages(int fromStage) =>
        throw new NotSupportedException($"{Architecture} does not support partial encoder unfreezing");
}
