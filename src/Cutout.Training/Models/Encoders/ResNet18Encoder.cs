using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Encoders;

/// <summary>
/// The ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18 (CNTK recipe): blocks per stage [2, 2, 2, 3], not torchvision's [2, 2, 2, 2].
/// Module names follow torchvision (conv1, bn1, layer1..layer4). conv1 takes RGB (the BGR-trained weights are flipped on import);
/// features at strides 2 (stem), 4, 8, 16, 32 (layer1..layer4).
/// </summary>
public sealed class ResNet18Encoder : Encoder
{
    public static readonly int[] BlocksPerStage = [2, 2, 2, 3];

    public readonly Conv2d conv1;
    public readonly BatchNorm2d bn1;
    public readonly MaxPool2d maxpool;
    public readonly Sequential layer1, layer2, layer3, layer4;

    public ResNet18Encoder() : base("ResNet18Encoder")
    {
        conv1 = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        layer1 = Stage(64, 64, BlocksPerStage[0], 1);
        layer2 = Stage(64, 128, BlocksPerStage[1], 2);
        layer3 = Stage(128, 256, BlocksPerStage[2], 2);
        layer4 = Stage(256, 512, BlocksPerStage[3], 2);
        RegisterComponents();
    }

    static Sequential Stage(long inChannels, long outChannels, int blocks, long stride) =>
        nn.Sequential(Enumerable.Range(0, blocks)
            .Select(i => (nn.Module<Tensor, Tensor>)new BasicBlock(i == 0 ? inChannels : outChannels, outChannels, i == 0 ? stride : 1))
            .ToArray());

    public override int[] OutChannels => [64, 64, 128, 256, 512];

    /// <summary>ImageNet channel means of ResNetPreprocess.onnx's mean image, in RGB order.</summary>
    public override float[] InputMean => ImageNetMeans.ResNet18Rgb;

    public override IReadOnlyList<nn.Module[]> Stages => [[conv1, bn1], [layer1], [layer2], [layer3], [layer4]];

    public IEnumerable<BasicBlock> Blocks(int stage) =>
        (stage switch { 1 => layer1, 2 => layer2, 3 => layer3, 4 => layer4, _ => throw new ArgumentOutOfRangeException(nameof(stage)) })
        .children().Cast<BasicBlock>();

    public override Tensor[] forward(Tensor x)
    {
        var f1 = nn.functional.relu(bn1.forward(conv1.forward(x)));
        using var pooled = maxpool.forward(f1);
        var f2 = layer1.forward(pooled);
        var f3 = layer2.forward(f2);
        var f4 = layer3.forward(f3);
        var f5 = layer4.forward(f4);
        return [f1, f2, f3, f4, f5];
    }
}
