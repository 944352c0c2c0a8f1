using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Blocks;

/// <summary>
/// Adds what the whole image holds to every position of a feature map: global average pool, 1x1 conv to a quarter of the
/// channels, ReLU, 1x1 conv back, added to the input (broadcast over height and width), as the image-pooling branch of
/// DeepLab's ASPP or PoolNet's global guidance. The last conv starts at zero, so a new block leaves its model's output as it was.
/// </summary>
public sealed class GlobalContext : nn.Module<Tensor, Tensor>
{
    public readonly Conv2d reduce, expand;

    public GlobalContext(long channels, string name = "GlobalContext") : base(name)
    {
        reduce = nn.Conv2d(channels, channels / 4, 1);
        expand = nn.Conv2d(channels / 4, channels, 1);
        nn.init.kaiming_uniform_(reduce.weight, nonlinearity: nn.init.NonlinearityType.ReLU);
        nn.init.zeros_(reduce.bias!);
        nn.init.zeros_(expand.weight);
        nn.init.zeros_(expand.bias!);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var pooled = nn.functional.adaptive_avg_pool2d(x, [1, 1]);
        var context = expand.forward(nn.functional.relu(reduce.forward(pooled)));
        return (x + context).MoveToOuterDisposeScope();
    }
}
