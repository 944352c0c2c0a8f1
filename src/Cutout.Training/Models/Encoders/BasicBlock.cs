using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Encoders;

/// <summary>ResNet basic block: two 3x3 conv + BN, identity or 1x1-projection shortcut, ReLU after the sum.</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    public readonly Conv2d conv1, conv2;
    public readonly BatchNorm2d bn1, bn2;
    public readonly Sequential? downsample;

    public BasicBlock(long inChannels, long outChannels, long stride, string name = "BasicBlock") : base(name)
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
            downsample = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        RegisterComponents();
    }

    public Conv2d? ShortcutConv => (Conv2d?)downsample?[0];
    public BatchNorm2d? ShortcutBn => (BatchNorm2d?)downsample?[1];

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.relu(bn1.forward(conv1.forward(x)));
        y = bn2.forward(conv2.forward(y));
        var shortcut = downsample is null ? x : downsample.forward(x);
        return nn.functional.relu(y + shortcut).MoveToOuterDisposeScope();
    }
}
