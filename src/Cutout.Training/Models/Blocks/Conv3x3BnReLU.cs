using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Blocks;

/// <summary>3x3 convolution (padding 1, no bias) + BatchNorm + ReLU: the building block of smp's U-Net decoder.</summary>
public sealed class Conv3x3BnReLU : nn.Module<Tensor, Tensor>
{
    public readonly Conv2d conv;
    public readonly BatchNorm2d bn;

    public Conv3x3BnReLU(long inChannels, long outChannels, string name = "Conv3x3BnReLU") : base(name)
    {
        conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false);
        bn = nn.BatchNorm2d(outChannels);
        nn.init.kaiming_uniform_(conv.weight, nonlinearity: nn.init.NonlinearityType.ReLU);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var c = conv.forward(x);
        using var b = bn.forward(c);
        return nn.functional.relu(b);
    }
}
