using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Encoders;

/// <summary>
/// Keras' VGG16 convolutional part (include_top=False): five blocks of 3x3 conv (with bias) + ReLU, each ending in a 2x2 max-pool.
/// Features as smp's Keras Unet taps them: block2_conv2 (stride 2), block3_conv3 (4), block4_conv3 (8), block5_conv3 (16),
/// block5_pool (32). Random init (no ImageNet VGG16 weights here); input normalisation Keras 'caffe' style (BGR minus ImageNet means,
/// applied here as RGB minus the same means, which only permutes random first-layer weights).
/// </summary>
public sealed class Vgg16Encoder : Encoder
{
    static readonly (int Convs, int Channels)[] Blocks = [(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)];

    public readonly ModuleList<Sequential> blocks;

    public Vgg16Encoder() : base("Vgg16Encoder")
    {
        blocks = new ModuleList<Sequential>();
        long inChannels = 3;
        foreach (var (convs, channels) in Blocks)
        {
            var layers = new List<nn.Module<Tensor, Tensor>>();
            for (int i = 0; i < convs; i++)
            {
                var conv = nn.Conv2d(inChannels, channels, 3, padding: 1);
                nn.init.kaiming_uniform_(conv.weight, nonlinearity: nn.init.NonlinearityType.ReLU);
                nn.init.zeros_(conv.bias!);
                layers.Add(conv);
                layers.Add(nn.ReLU());
                inChannels = channels;
            }
            blocks.Add(nn.Sequential(layers.ToArray()));
        }
        RegisterComponents();
    }

    public override int[] OutChannels => [128, 256, 512, 512, 512];

    /// <summary>Keras 'caffe' means (B 103.939, G 116.779, R 123.68), in RGB order.</summary>
    public override float[] InputMean => ImageNetMeans.CaffeRgb;

    public override IReadOnlyList<nn.Module[]> Stages => blocks.Select(b => new nn.Module[] { b }).ToArray();

    public override bool EndsWithPool => true;

    public override Tensor[] forward(Tensor x)
    {
        // Block outputs before their pools: block1_conv2 (stride 1, unused), block2_conv2 (2), ..., block5_conv3 (16).
        var taps = new Tensor[5];
        var y = x;
        for (int b = 0; b < 5; b++)
        {
            taps[b] = blocks[b].forward(y);
            y = nn.functional.max_pool2d(taps[b], 2, 2);
        }
        return [taps[1], taps[2], taps[3], taps[4], y];
    }
}
