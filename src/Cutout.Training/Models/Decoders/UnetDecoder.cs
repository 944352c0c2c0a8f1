using Cutout.Training.Models.Blocks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Decoders;

/// <summary>
/// segmentation_models' U-Net decoder: optional global context (<see cref="GlobalContext"/>) and atrous context
/// (<see cref="AtrousContext"/>) on the deepest features,
/// optional centre block (2 x Conv3x3BnReLU at the deepest width, for encoders that end in a pool), then one block per
/// filter count, each upsampling 2x and joining the skips at strides 16, 8, 4, 2, then none.
/// </summary>
public sealed class UnetDecoder : nn.Module<Tensor[], Tensor>
{
    public static readonly int[] DefaultFilters = [256, 128, 64, 32, 16];

    public readonly GlobalContext? context;
    public readonly AtrousContext? atrous;
    public readonly Sequential? center;
    public readonly ModuleList<UnetDecoderBlock> blocks;

    public UnetDecoder(int[] encoderChannels, bool centerBlock, bool globalContext = false, bool atrousContext = false, int[]? filters = null, string name = "UnetDecoder") : base(name)
    {
        filters ??= DefaultFilters;
        int deepest = encoderChannels[^1];
        if (globalContext) context = new GlobalContext(deepest);
        if (atrousContext) atrous = new AtrousContext(deepest);
        if (centerBlock) center = nn.Sequential(new Conv3x3BnReLU(deepest, deepest), new Conv3x3BnReLU(deepest, deepest));
        blocks = new ModuleList<UnetDecoderBlock>();
        long inChannels = deepest;
        for (int i = 0; i < filters.Length; i++)
        {
            int skipIndex = encoderChannels.Length - 2 - i;
            long skipChannels = skipIndex >= 0 ? encoderChannels[skipIndex] : 0;
            blocks.Add(new UnetDecoderBlock(inChannels, skipChannels, filters[i]));
            inChannels = filters[i];
        }
        OutChannels = filters[^1];
        RegisterComponents();
    }

    public int OutChannels { get; }

    /// <summary>features: the encoder's outputs, shallowest first (strides 2..32).</summary>
    public override Tensor forward(Tensor[] features)
    {
        var x = context is null ? features[^1] : context.forward(features[^1]);
        if (atrous is not null) x = atrous.forward(x);
        if (center is not null) x = center.forward(x);
        for (int i = 0; i < blocks.Count; i++)
        {
            int skipIndex = features.Length - 2 - i;
            x = blocks[i].forward(x, skipIndex >= 0 ? features[skipIndex] : null);
        }
        return x;
    }
}
