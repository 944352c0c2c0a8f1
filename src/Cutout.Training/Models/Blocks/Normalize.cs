using static TorchSharp.torch;

namespace Cutout.Training.Models.Blocks;

/// <summary>Subtracts a per-channel mean (a persistent buffer "mean", 1 x C x 1 x 1) from the raw 0..255 input.</summary>
public sealed class Normalize : nn.Module<Tensor, Tensor>
{
    public Normalize(float[] mean, string name = "Normalize") : base(name)
    {
        register_buffer("mean", tensor(mean).reshape(1, mean.Length, 1, 1));
    }

    public Tensor Mean => get_buffer("mean")!;

    public float[] MeanValues => Mean.data<float>().ToArray();

    public override Tensor forward(Tensor x) => x - Mean;
}
