namespace Cutout.Training.Models.Summary;

/// <summary>One layer of a model summary: output shape (C, H, W; batch omitted), learnable weights and BatchNorm moving statistics.</summary>
public sealed record SummaryRow(string Layer, string Type, long[] OutputShape, long Learnable, long MovingStatistics)
{
    /// <summary>Keras counts a layer's BatchNorm moving mean and variance among its parameters.</summary>
    public long KerasParameters => Learnable + MovingStatistics;

    public string ShapeText => "(None, " + string.Join(", ", OutputShape) + ")";
}
