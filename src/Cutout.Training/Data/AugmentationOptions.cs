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
    /// <summary>Probability of a greyscale photo (luma in all three channels), part of the colour jitter.</summary>
    public double GreyProbability { get; init; } = 0.05;
    /// <summary>Probability of a strong exposure change after the colour jitter (<see cref="ExposureChange"/>); 0 draws no random numbers.</summary>
    public double ExposureProbability { get; init; }
    public double PasteProbability { get; init; } = 0.3;
    /// <summary>Probability of a crop whose bottom edge cuts through the subject (<see cref="SubjectCut"/>); 0 draws no random numbers.</summary>
    public double CutProbability { get; init; }
    /// <summary>Probability of an object from the occluder pool in front of the picture (<see cref="Occluder"/>); 0 draws no random numbers.</summary>
    public double OcclusionProbability { get; init; }
    /// <summary>The occluding object joins the subject it overlaps instead of hiding it (<see cref="Occluder.Place"/>).</summary>
    public bool OccludersHeld { get; init; }

    /// <summary>Of the pasted people, the share shrunk to <see cref="MinShrink"/>..<see cref="MaxShrink"/> of the frame.</summary>
    public double ShrinkProbability { get; init; }
    public double MinShrink { get; init; } = 0.2;
    public double MaxShrink { get; init; } = 0.8;

    public static AugmentationOptions None { get; } = new()
    {
        FlipProbability = 0, MinCropArea = 1, MaxAspectJitter = 1, Brightness = 0, Contrast = 0, Saturation = 0,
        GreyProbability = 0, PasteProbability = 0,
    };
}
