using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Blocks;

/// <summary>
/// Lets every position of a feature map see the layout around it: parallel 3x3 convs dilated by 2 and 4 (DeepLab's atrous
/// branches; on the 7-10 px deepest map of a 224-320 px input they span most of the image), each to an eighth of the
/// channels with a ReLU, joined and projected back by a 1x1 conv, added to the input. The projection starts at zero, so a
/// new block leaves its model's output as it was.
/// </summary>
public sealed class AtrousContext : nn.Module<Tensor, Tensor>
{
    public static readonly long[] Rates = [2, 4];

    public readonly Conv2d near, far, project;

    public AtrousContext(long channels, string name = "AtrousContext") : base(name)
    {
        near = Branch(channels, Rates[0]);
        far = Branch(channels, Rates[1]);
        project = nn.Conv2d(2 * (channels / 8), channels, 1);
        nn.init.zeros_(project.weight);
        nn.init.zeros_(project.bias!);
        RegisterComponents();
    }

    static Conv2d Branch(long channels, long rate)
    {
        var conv = nn.Conv2d(channels, channels / 8, 3, padding: rate, dilation: rate);
        nn.init.kaiming_uniform_(conv.weight, nonlinearity: nn.init.NonlinearityType.ReLU);
        nn.init.zeros_(conv.bias!);
        return conv;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var joined = cat([nn.functional.relu(near.forward(x)), nn.functional.relu(far.forward(x))], dim: 1);
        return (x + project.forward(joined)).MoveToOuterDisposeScope();
    }
}
