using Cutout.Training.Models.Blocks;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Decoders;

/// <summary>U-Net decoder block: nearest 2x upsampling, concatenation with the skip (if any), two Conv3x3BnReLU.</summary>
public sealed class UnetDecoderBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    public readonly Conv3x3BnReLU conv1, conv2;

    public UnetDecoderBlock(long inChannels, long skipChannels, long outChannels, string name = "UnetDecoderBlock") : base(name)
    {
        conv1 = new Conv3x3BnReLU(inChannels + skipChannels, outChannels);
        conv2 = new Conv3x3BnReLU(outChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? skip)
    {
        using var up = Upsample2x(x);
        using var joined = skip is null ? up.alias() : cat([up, skip], dim: 1);
        using var y = conv1.forward(joined);
        return conv2.forward(y);
    }

    /// <summary>Nearest-neighbour 2x upsampling (the exporter writes it as ONNX Resize, nearest, scales 2).</summary>
    public static Tensor Upsample2x(Tensor x) =>
        nn.functional.interpolate(x, scale_factor: [2.0, 2.0], mode: InterpolationMode.Nearest);
}
