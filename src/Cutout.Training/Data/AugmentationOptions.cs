namespace Cutout.Training.Data;

/// <summary>Probabilities and ranges of the training augmentations; <see cref="None"/> for validation.</summary>
public sealed record AugmentationOptions
{
    public double FlipProbability { get; init; } = 0.5;
    public double MinCropArea { get; init; } = 0.5;
    public double MaxAspectJitter { get; init; } = 4.0 / 3.0;
    public float Brightness { get; init; } = 0.25f;
    public float Contrast { get; init; } = 0.25f;
    public float Saturation { get; init; } = 0.3f;
    public double GreyProbability { get; init; } = 0.05;
    public double PasteProbability { get; init; } = 0.3;

    public static AugmentationOptions None { get; } = new()
    {
        FlipProbability = 0, MinCropArea = 1, MaxAspectJitter = 1, Brightness = 0, Contrast = 0, Saturation = 0,
        GreyProbability = 0, PasteProbability = 0,
    };
}
