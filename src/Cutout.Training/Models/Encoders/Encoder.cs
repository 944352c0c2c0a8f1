using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models.Encoders;

/// <summary>
/// A feature extractor for U-Net style decoders. Input: normalised N x 3 x H x W (see <see cref="InputMean"/>).
/// Output: five feature maps at strides 2, 4, 8, 16, 32 (the last is the deepest).
/// </summary>
public abstract class Encoder : nn.Module<Tensor, Tensor[]>
{
    protected Encoder(string name) : base(name) { }

    /// <summary>Channels of the five features, strides 2, 4, 8, 16, 32.</summary>
    public abstract int[] OutChannels { get; }

    /// <summary>Per-channel value subtracted from the RGB 0..255 input before the encoder (R, G, B).</summary>
    public abstract float[] InputMean { get; }

    /// <summary>The modules of each stage in forward order (stage 0 = stem); used for partial fine-tuning.</summary>
    public abstract IReadOnlyList<nn.Module[]> Stages { get; }

    /// <summary>True for encoders that end in a max-pool (VGG): smp's Keras Unet then adds a centre block.</summary>
    public virtual bool EndsWithPool => false;

    public IEnumerable<BatchNorm2d> BatchNorms() => modules().OfType<BatchNorm2d>();
}
