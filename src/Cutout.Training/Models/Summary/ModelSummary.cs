namespace Cutout.Training.Models.Summary;

/// <summary>
/// A Keras-style summary of a model: one row per layer, and the parameter counts. Keras counts BatchNorm moving means and
/// variances as (non-trainable) parameters; <see cref="KerasTotal"/> does the same.
/// </summary>
public sealed record ModelSummary(string Architecture, int Height, int Width, IReadOnlyList<SummaryRow> Rows,
    long Learnable, long MovingStatistics, long EncoderLearnable, long TrainableWithFrozenEncoder)
{
    public long KerasTotal => Learnable + MovingStatistics;

    public static ModelSummary Of(SegmentationModel model, int height, int width)
    {
        if (model is not Unet unet) throw new NotSupportedException($"no summary for {model.GetType().Name}");
        var visitor = new SummaryVisitor();
        new ModelWalker<long[]>(visitor).Unet([3, height, width], unet);

        long learnable = model.parameters().Sum(p => p.numel());
        long moving = unet.modules().OfType<TorchSharp.Modules.BatchNorm2d>().Sum(bn => bn.running_mean!.numel() + bn.running_var!.numel());
        long encoder = model.EncoderParameters().Sum(p => p.numel());
        long rowsLearnable = visitor.Rows.Sum(r => r.Learnable);
        if (rowsLearnable != learnable)
            throw new InvalidOperationException($"summary rows hold {rowsLearnable} learnable weights, the model {learnable}: the layer walk misses layers");
        return new ModelSummary(model.Architecture, height, width, visitor.Rows, learnable, moving, encoder, learnable - encoder);
    }
}
